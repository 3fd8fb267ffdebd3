package dev.junction.impl.expression;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads record components as properties ({@code payload.hot} on {@code record Order(boolean hot)}): EL 5 knows
 * only JavaBeans getters, and records are what Java 17 code passes as payloads. Read-only; accessors are looked
 * up once per record type.
 */
final class RecordELResolver extends ELResolver {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private final Map<Class<?>, Map<String, MethodHandle>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        MethodHandle accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        try {
            return accessor.invoke(base);
        } catch (Throwable failure) {
            throw new ELException("Reading record component '" + property + "' of " + base.getClass().getName()
                    + " failed: " + failure, failure);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        MethodHandle accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only: EL asks for the type only to write
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (accessor(base, property) != null) {
            throw new PropertyNotWritableException("Record component '" + property + "' of "
                    + base.getClass().getName() + " is read-only");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (accessor(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }

    private MethodHandle accessor(Object base, Object property) {
        if (base == null || !(property instanceof String name) || !base.getClass().isRecord()) {
            return null;
        }
        return accessors.computeIfAbsent(base.getClass(), RecordELResolver::componentAccessors).get(name);
    }

    private static Map<String, MethodHandle> componentAccessors(Class<?> recordType) {
        Map<String, MethodHandle> found = new ConcurrentHashMap<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // records nested in non-public classes are common in applications: open the accessor when allowed;
            // a component that stays closed is left to the bean resolver, which reports it as unknown
            if (accessor.trySetAccessible()) {
                try {
                    found.put(component.getName(), LOOKUP.unreflect(accessor));
                } catch (IllegalAccessException impossibleOnceAccessible) {
                    throw new IllegalStateException(impossibleOnceAccessible);
                }
            }
        }
        return found;
    }
}

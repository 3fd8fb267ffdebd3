package dev.junction.impl.testing;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.util.Map;

/** A stand-in for a container's bean resolver: resolves a few top-level names to objects. */
public final class NamedBeans extends ELResolver {

    private final Map<String, Object> beans;

    public NamedBeans(Map<String, Object> beans) {
        this.beans = Map.copyOf(beans);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && beans.containsKey(name)) {
            context.setPropertyResolved(null, property);
            return beans.get(name);
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && beans.containsKey(name)) {
            context.setPropertyResolved(null, property);
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base == null && property instanceof String name && beans.containsKey(name)) {
            throw new PropertyNotWritableException(name);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && beans.containsKey(name)) {
            context.setPropertyResolved(null, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? String.class : null;
    }
}

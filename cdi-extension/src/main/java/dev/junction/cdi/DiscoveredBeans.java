package dev.junction.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The beans of a deployment as the container reports them while it discovers beans, for the lookups the extension
 * makes when it builds the runtime: each lookup answers the beans the extension's bean manager finds together with
 * the discovered beans that match. The bean manager alone is not enough: an application server may give the
 * extension one that does not see the beans of the application's own archive, by name or by type (Payara Micro found
 * none of a WAR's advice beans, converters or default poller).
 */
final class DiscoveredBeans {

    private final List<Bean<?>> beans = new ArrayList<>();
    private final Map<String, Set<Bean<?>>> byName = new HashMap<>();

    void discovered(Bean<?> bean) {
        beans.add(bean);
        if (bean.getName() != null) {
            byName.computeIfAbsent(bean.getName(), name -> new LinkedHashSet<>()).add(bean);
        }
    }

    /** @return every enabled bean of that name, the container's own lookup first */
    Set<Bean<?>> named(String name, BeanManager beanManager) {
        Set<Bean<?>> found = new LinkedHashSet<>(beanManager.getBeans(name));
        found.addAll(byName.getOrDefault(name, Set.of()));
        return found;
    }

    /**
     * @param type      the wanted bean type; a discovered bean matches when one of its bean types has the same raw
     *                  type (type arguments are the caller's to check)
     * @param qualifier the wanted qualifier; a discovered bean matches when it has a qualifier of the same annotation
     *                  type, whatever its members ({@code @Any} matches every bean)
     * @return every enabled bean found, the container's own lookup first
     */
    Set<Bean<?>> ofType(BeanManager beanManager, Type type, Annotation qualifier) {
        Set<Bean<?>> found = new LinkedHashSet<>(beanManager.getBeans(type, qualifier));
        Class<?> raw = BeanReferences.rawType(type);
        for (Bean<?> bean : beans) {
            if (hasRawType(bean, raw) && hasQualifier(bean, qualifier)) {
                found.add(bean);
            }
        }
        return found;
    }

    private static boolean hasRawType(Bean<?> bean, Class<?> raw) {
        return raw == Object.class
                || bean.getTypes().stream().anyMatch(beanType -> BeanReferences.rawType(beanType) == raw);
    }

    private static boolean hasQualifier(Bean<?> bean, Annotation qualifier) {
        return qualifier instanceof Any
                || bean.getQualifiers().stream().anyMatch(q -> q.annotationType() == qualifier.annotationType());
    }
}

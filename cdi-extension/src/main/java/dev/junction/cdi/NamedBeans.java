package dev.junction.cdi;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code @Named} beans of a deployment, as the container reports them while it discovers beans, together with
 * those its bean manager finds by name. Looking a name up in the extension's bean manager alone is not enough: an
 * application server may give the extension one that does not see the beans of the application's own archive (Payara
 * Micro found none of a WAR's advice beans).
 */
final class NamedBeans {

    private final Map<String, Set<Bean<?>>> discovered = new HashMap<>();

    void discovered(Bean<?> bean) {
        if (bean.getName() != null) {
            discovered.computeIfAbsent(bean.getName(), name -> new LinkedHashSet<>()).add(bean);
        }
    }

    /** @return every enabled bean of that name, the container's own lookup first */
    Set<Bean<?>> named(String name, BeanManager beanManager) {
        Set<Bean<?>> beans = new LinkedHashSet<>(beanManager.getBeans(name));
        beans.addAll(discovered.getOrDefault(name, Set.of()));
        return beans;
    }
}

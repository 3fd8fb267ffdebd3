package dev.junction.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.proxy.WeldClientProxy;

/**
 * Starts Weld SE containers over explicit bean classes. With discovery disabled Weld SE does not read
 * {@code META-INF/services}, so the extension is added here, a new instance per container.
 */
final class Containers {

    private Containers() {
    }

    /** @return a started container whose synthetic archive holds exactly these classes ({@code all} discovery) */
    static WeldContainer start(String id, Class<?>... beanClasses) {
        return new Weld(id).disableDiscovery().addExtension(new JunctionExtension()).addBeanClasses(beanClasses).initialize();
    }

    /** @return the contextual instance behind a Weld client proxy, or the object itself */
    static Object unwrap(Object reference) {
        return reference instanceof WeldClientProxy proxy ? proxy.getMetadata().getContextualInstance() : reference;
    }
}

package dev.junction.cdi;

import jakarta.enterprise.inject.se.SeContainer;
import org.apache.openwebbeans.se.OWBInitializer;
import org.apache.webbeans.config.WebBeansFinder;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.proxy.WeldClientProxy;

/**
 * Starts Weld SE and OpenWebBeans SE containers over explicit bean classes. With discovery disabled neither reads
 * {@code META-INF/services}, so the extension is added here, a new instance per container.
 */
final class Containers {

    private Containers() {
    }

    /** @return a started container whose synthetic archive holds exactly these classes ({@code all} discovery) */
    static WeldContainer start(String id, Class<?>... beanClasses) {
        return new Weld(id).disableDiscovery().addExtension(new JunctionExtension()).addBeanClasses(beanClasses).initialize();
    }

    /**
     * @return a started OpenWebBeans SE container of exactly these classes; OWB's initializer is used directly, since
     *         {@code SeContainerInitializer.newInstance()} could pick Weld, which is on the class path too
     */
    static SeContainer startOpenWebBeans(Class<?>... beanClasses) {
        try {
            return new OWBInitializer().disableDiscovery().addBeanClasses(beanClasses)
                    .addExtensions(new JunctionExtension()).initialize();
        } catch (RuntimeException failed) {
            // a failed boot leaves its context registered for the class loader, and every later boot in this JVM
            // would be refused
            WebBeansFinder.clearInstances(Thread.currentThread().getContextClassLoader());
            throw failed;
        }
    }

    /** @return the contextual instance behind a Weld client proxy, or the object itself */
    static Object unwrap(Object reference) {
        return reference instanceof WeldClientProxy proxy ? proxy.getMetadata().getContextualInstance() : reference;
    }
}

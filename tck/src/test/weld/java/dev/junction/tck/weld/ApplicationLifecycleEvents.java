package dev.junction.tck.weld;

import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeUnDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Fires the CDI 4 {@link Startup} event once a deployment is up and {@link Shutdown} before it goes down, as every
 * CDI 4 container does (Weld SE, WildFly, Payara) but the Weld embedded adapter (3.0.x) does not: it fires only
 * {@code @Initialized(ApplicationScoped.class)}, on which the Junction extension starts the endpoints. Without it,
 * nothing observing {@code Startup} would run, and the endpoints would not stop on {@code Shutdown} with a draining
 * stop (only when the container closes). An Arquillian client extension of the Weld profile only.
 */
public class ApplicationLifecycleEvents {

    @Inject
    private Instance<BeanManager> beanManager;

    public void started(@Observes AfterDeploy event) {
        beanManager.get().getEvent().select(Startup.class).fire(new Startup());
    }

    public void stopping(@Observes BeforeUnDeploy event) {
        BeanManager manager = beanManager.get();
        if (manager != null) {
            manager.getEvent().select(Shutdown.class).fire(new Shutdown());
        }
    }

    /** Registers the observer with Arquillian (META-INF/services). */
    public static class Registration implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.observer(ApplicationLifecycleEvents.class);
        }
    }
}

package dev.junction.api.runtime;

/**
 * Declares part of an application's messaging on a runtime before it starts: flows, channels, and the endpoints
 * of other modules (TCP and HTTP gateways) that are built on a runtime.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class OrderFlows implements Declaration {
 *     @Override
 *     public void declare(Junction junction) {
 *         junction.flow("orders").transform("payload.toUpperCase()").channel("kitchen");
 *     }
 * }
 * }</pre>
 *
 * <p>Under CDI, every bean that has this type, a bean class or a producer, is called once while the deployment is
 * validated, after the extension has wired the annotated endpoints and before anything starts; whatever it throws
 * fails the deployment, naming the bean. The endpoints it declares start with the runtime, inbound ones after the
 * flows they feed, and stop first. In plain Java, {@link Junction.Builder#declare(Declaration...)} calls the same
 * declarations on the runtime it builds, so one declaration class serves both.
 */
@FunctionalInterface
public interface Declaration {

    /**
     * Declares on the runtime, which has not started yet.
     *
     * @throws dev.junction.api.error.ConfigurationException when what it declares is wrong
     */
    void declare(Junction junction);
}

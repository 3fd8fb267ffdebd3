package dev.junction.jaxrs;

import dev.junction.api.runtime.Junction;

import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Jakarta REST application serving a runtime's HTTP inbound gateways through the one generic
 * {@link HttpInboundResource}. Standard API only, so any Jakarta REST runtime takes it:
 *
 * <pre>{@code
 * // Jersey, embedded
 * ResourceConfig config = ResourceConfig.forApplication(new JunctionHttpApplication(gateways));
 * }</pre>
 *
 * <p>An application with an {@code Application} of its own adds {@link #singletons()} to its singletons and
 * {@link #properties(HttpInboundGateways)} to its properties instead. Subclass it to put an
 * {@code @ApplicationPath} on it.
 *
 * <p>The resource is a singleton rather than a class: a runtime makes an instance of a resource class for every
 * request and resolves its {@code @Context} fields each time, which in Jersey cost more than all of the gateway's own
 * work on a request; a singleton's fields are injected once, as proxies to the current request's objects. A request
 * filter bound to the resource, the second singleton, hands the resource each request's context, so that it need
 * not call those proxies either (their first call in a request costs a lookup).
 *
 * <p>Jersey (3.1) logs one warning at start-up about the resource instance: that it "does not implement any provider
 * interfaces" and "will be ignored". It is harmless: before binding providers, Jersey checks each registered
 * instance against its resource <em>classes</em> rather than its resource instances, so it takes the resource for a
 * provider without provider interfaces and leaves it out of the providers; it then binds the same instance as a
 * resource, which serves every request. It cannot be avoided through the standard API while the resource is one
 * instance: registering the class instead (no warning) makes Jersey create and inject an instance per request,
 * the cost this design removes. To hide it, raise the level of the logger
 * {@code org.glassfish.jersey.internal.inject.Providers} to {@code SEVERE}, which also hides that check's warnings
 * about other components.
 */
public class JunctionHttpApplication extends Application {

    /** The application property holding the {@link HttpInboundGateways} the resource dispatches to. */
    public static final String GATEWAYS_PROPERTY = "dev.junction.jaxrs.gateways";

    private final HttpInboundGateways gateways;
    private final Set<Object> singletons = singletons();

    /** @param gateways the gateways to serve */
    public JunctionHttpApplication(HttpInboundGateways gateways) {
        this.gateways = Objects.requireNonNull(gateways, "gateways");
    }

    /**
     * Serves the gateways {@link HttpInboundGateways#of(Junction)} made for the runtime of this deployment, found at
     * each request until found: the form for containers, where a subclass with an {@code @ApplicationPath} is made by
     * the container and the runtime (the CDI extension's) declares its gateways in a {@code Declaration} bean. A
     * request before the runtime has gateways is answered 503.
     */
    protected JunctionHttpApplication() {
        this.gateways = null;
    }

    /** @return the generic resource, one instance for the application, and the filter that hands it each request */
    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }

    /** @return the property that hands the gateways to the resource */
    @Override
    public Map<String, Object> getProperties() {
        return gateways == null ? Map.of() : properties(gateways);
    }

    /**
     * @return a new instance of the generic resource and of the request filter bound to it (which hands the resource
     * each request's context without a lookup), to register in an application of one's own as singletons
     */
    public static Set<Object> singletons() {
        return Set.of(new HttpInboundResource(), new CurrentRequest());
    }

    /** @return the properties to add to an application of one's own */
    public static Map<String, Object> properties(HttpInboundGateways gateways) {
        return Map.of(GATEWAYS_PROPERTY, Objects.requireNonNull(gateways, "gateways"));
    }
}

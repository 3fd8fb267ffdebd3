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
 * <p>An application with an {@code Application} of its own adds {@link #classes()} to its classes and
 * {@link #properties(HttpInboundGateways)} to its properties instead. Subclass it to put an
 * {@code @ApplicationPath} on it.
 */
public class JunctionHttpApplication extends Application {

    /** The application property holding the {@link HttpInboundGateways} the resource dispatches to. */
    public static final String GATEWAYS_PROPERTY = "dev.junction.jaxrs.gateways";

    private final HttpInboundGateways gateways;

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

    /** @return the generic resource */
    @Override
    public Set<Class<?>> getClasses() {
        return classes();
    }

    /** @return the property that hands the gateways to the resource */
    @Override
    public Map<String, Object> getProperties() {
        return gateways == null ? Map.of() : properties(gateways);
    }

    /** @return the resource classes to register in an application of one's own */
    public static Set<Class<?>> classes() {
        return Set.of(HttpInboundResource.class);
    }

    /** @return the properties to add to an application of one's own */
    public static Map<String, Object> properties(HttpInboundGateways gateways) {
        return Map.of(GATEWAYS_PROPERTY, Objects.requireNonNull(gateways, "gateways"));
    }
}

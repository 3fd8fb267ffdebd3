package dev.junction.jaxrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an HTTP inbound channel adapter on a CDI bean: the one-way kind of {@link HttpInboundGateway}, which
 * answers {@code 202 Accepted} once the request channel took the message. It declares what
 * {@code HttpInboundGateways.of(junction).inboundAdapter(id)} declares, with the same defaults and coded problems.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @HttpInboundAdapter(path = "/events", methods = "POST", requestChannel = "events")
 * public class Events { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HttpInboundAdapter.List.class)
public @interface HttpInboundAdapter {

    /** @return the endpoint id; empty: the bean class's simple name, the methods and the path */
    String id() default "";

    /** @return the path template below the application's base path */
    String path();

    /** @return the HTTP methods served: GET, POST, PUT, DELETE, PATCH */
    String[] methods();

    /** @return the channel the messages are sent to */
    String requestChannel();

    /** @return where failures go as {@code ErrorMessage}s; empty: the runtime's error handling */
    String errorChannel() default "";

    /** @return the request content types taken (others are answered 415); empty: any */
    String[] consumes() default {};

    /** @return the type request bodies are read into by the entity providers; {@code void}: text or bytes */
    Class<?> payloadType() default void.class;

    /** @return how long the request channel may take to accept, in ms (then 503) */
    long requestTimeout() default 1000;

    /** @return the largest body read, in bytes (413 past it) */
    long maxBodySize() default 1024 * 1024;

    /** @return request headers mapped besides the standard ones: names, or prefixes ending in {@code *} */
    String[] requestHeaders() default {};

    /** @return whether the adapter starts with the application */
    boolean autoStartup() default true;

    /** Several adapters on one bean. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {

        /** @return the adapters */
        HttpInboundAdapter[] value();
    }
}

package dev.junction.jaxrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an HTTP inbound gateway on a CDI bean: the requests of the path and methods become messages on the
 * request channel, and the reply becomes the response. It declares exactly what
 * {@code HttpInboundGateways.of(junction).inboundGateway(id)} declares in a {@code Declaration} bean, with the same
 * defaults, and a mistake fails the deployment with the same coded problem ({@code JNC-08xx}), naming the bean.
 * The bean is usually the one whose methods serve the request channel:
 *
 * <pre>{@code
 * @ApplicationScoped
 * @HttpInboundGateway(path = "/orders/{table}", methods = "POST", requestChannel = "orders")
 * public class Orders {
 *     @ServiceActivator(inputChannel = "orders")
 *     public String place(String drink) { return "ordered " + drink; }
 * }
 * }</pre>
 *
 * <p>Repeatable: one bean may declare several gateways. Timeouts are milliseconds. The gateways are served by a
 * {@code JunctionHttpApplication} like those declared in code; {@link HttpInboundAdapter} declares the one-way kind.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HttpInboundGateway.List.class)
public @interface HttpInboundGateway {

    /** @return the endpoint id; empty: the bean class's simple name, the methods and the path */
    String id() default "";

    /** @return the path template below the application's base path: {@code /orders/{id}} */
    String path();

    /** @return the HTTP methods served: GET, POST, PUT, DELETE, PATCH (HEAD is served with GET) */
    String[] methods();

    /** @return the channel request messages are sent to: registered, or the input of a declared flow or endpoint */
    String requestChannel();

    /** @return a subscribable channel replies arrive on; empty: a reply goes straight back to its request */
    String replyChannel() default "";

    /** @return where failures go as {@code ErrorMessage}s, whose flow's reply is the response; empty: answered 500 */
    String errorChannel() default "";

    /** @return the request content types taken (others are answered 415); empty: any */
    String[] consumes() default {};

    /** @return the response types in order of preference (406 when the request accepts none); empty: by payload */
    String[] produces() default {};

    /** @return the type request bodies are read into by the entity providers; {@code void}: text or bytes */
    Class<?> payloadType() default void.class;

    /** @return how long the request channel may take to accept, in ms (then 503); {@code DEFAULT_REQUEST_TIMEOUT} */
    long requestTimeout() default 1000;

    /** @return how long to wait for the reply once sent, in ms (then 504); {@code DEFAULT_REPLY_TIMEOUT} */
    long replyTimeout() default 1000;

    /** @return the largest body read, in bytes (413 past it); {@code DEFAULT_MAX_BODY_SIZE}, 1 MiB */
    long maxBodySize() default 1024 * 1024;

    /**
     * @return request headers mapped besides the standard ones ({@code DefaultHttpHeaderMapper.standard()}): names,
     * or prefixes ending in {@code *}
     */
    String[] requestHeaders() default {};

    /** @return whether the gateway starts with the application */
    boolean autoStartup() default true;

    /** Several gateways on one bean. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {

        /** @return the gateways */
        HttpInboundGateway[] value();
    }
}

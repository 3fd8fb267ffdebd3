package dev.junction.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hands the current request's context from the filter chain to {@link HttpInboundResource}, on the request's
 * thread, so that the resource reads the request straight from it.
 *
 * <p>Why: the resource is one instance for the application, so the runtime injects its {@code @Context} fields as
 * proxies, and the first call on each proxy in a request makes the runtime look up that request's object (in
 * Jersey, an HK2 lookup that creates a supplier and caches its product in the request scope): the two lookups a
 * request needs (its {@code UriInfo} and its headers) were the largest single part of the gateway's own CPU per
 * request. A request filter is given the request's context as its argument, with no lookup at all.
 *
 * <p>The filter is name-bound to the resource ({@link Bound}) and runs last of the post-matching filters; the
 * runtime calls it on the thread that then calls the resource method, which takes the context and clears the
 * thread's slot. A request a later step refuses (a failing entity parameter) leaves its context in the slot until
 * the next request to the resource on that thread replaces it; a request reaching the resource without this filter
 * (an application that registered the resource alone) finds none, and the resource falls back to its proxies.
 */
@CurrentRequest.Bound
@Priority(Integer.MAX_VALUE)
final class CurrentRequest implements ContainerRequestFilter {

    /** Binds the filter to the resource only: other resources of the application never pay for it. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Bound {
    }

    private static final ThreadLocal<ContainerRequestContext> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ContainerRequestContext request) {
        CURRENT.set(request);
    }

    /** @return the context the filter saw for the request this thread serves, or null; clears it */
    static ContainerRequestContext take() {
        ContainerRequestContext request = CURRENT.get();
        if (request != null) {
            CURRENT.remove();
        }
        return request;
    }
}

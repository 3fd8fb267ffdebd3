package dev.junction.jaxrs;

import jakarta.ws.rs.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which gateway serves a request: among the gateways whose path template matches the path, the most specific one
 * that serves the method. A path no template matches is not found (404); a path whose templates serve other
 * methods only is a method not allowed (405, with those methods). A {@code HEAD} request is served by the
 * {@code GET} gateway, as Jakarta REST does (the runtime drops the body). Thread-safe; lookups take no lock.
 */
final class RouteTable {

    /** What a request's method and path lead to. */
    sealed interface Outcome permits Found, NotFound, MethodNotAllowed {
    }

    /** The gateway serving the request, with the decoded values of its path template's variables. */
    record Found(HttpInboundGateway gateway, Map<String, String> pathParams) implements Outcome {
    }

    /** No template matches the path. */
    record NotFound() implements Outcome {
    }

    /** Templates match, but none serves the method; {@code allowed} is the {@code Allow} header's content. */
    record MethodNotAllowed(Set<String> allowed) implements Outcome {
    }

    /** Most specific template first; replaced whole on change, so lookups read a consistent list. */
    private volatile List<HttpInboundGateway> gateways = List.of();

    /**
     * Adds a gateway.
     *
     * @return the problem when another gateway already serves one of its methods on an equivalent template
     */
    synchronized Optional<String> add(HttpInboundGateway gateway) {
        for (HttpInboundGateway other : gateways) {
            if (other.template().canonical().equals(gateway.template().canonical())) {
                Set<String> shared = new TreeSet<>(other.methods());
                shared.retainAll(gateway.methods());
                if (!shared.isEmpty()) {
                    return Optional.of(HttpRule.DUPLICATE_ROUTE.problem("gateway '" + gateway.getId() + "': "
                            + shared + " " + gateway.template() + " is already served by gateway '" + other.getId()
                            + "' (" + other.template() + "); give one of them another path or method"));
                }
            }
        }
        List<HttpInboundGateway> updated = new ArrayList<>(gateways);
        updated.add(gateway);
        // a stable sort: equally specific templates keep the order they were declared in
        updated.sort((a, b) -> PathTemplate.MOST_SPECIFIC_FIRST.compare(a.template(), b.template()));
        gateways = List.copyOf(updated);
        return Optional.empty();
    }

    synchronized void remove(HttpInboundGateway gateway) {
        List<HttpInboundGateway> updated = new ArrayList<>(gateways);
        updated.remove(gateway);
        gateways = List.copyOf(updated);
    }

    List<HttpInboundGateway> gateways() {
        return gateways;
    }

    /** @param encodedPath the path below the application's base, percent-encoded, starting with '/' */
    Outcome route(String method, String encodedPath) {
        String served = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        Set<String> allowed = null; // made only for a 405: most requests find their gateway
        for (HttpInboundGateway gateway : gateways) {
            Optional<Map<String, String>> values = gateway.template().match(encodedPath);
            if (values.isEmpty()) {
                continue;
            }
            if (gateway.methods().contains(served)) {
                return new Found(gateway, values.get());
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.addAll(gateway.methods());
        }
        if (allowed == null) {
            return new NotFound();
        }
        return new MethodNotAllowed(withImplicitMethods(allowed));
    }

    /** @return the methods some gateway serves on the path, for {@code OPTIONS} and {@code Allow}; empty if none */
    Set<String> allowed(String encodedPath) {
        Set<String> allowed = new TreeSet<>();
        for (HttpInboundGateway gateway : gateways) {
            if (gateway.template().match(encodedPath).isPresent()) {
                allowed.addAll(gateway.methods());
            }
        }
        return allowed.isEmpty() ? allowed : withImplicitMethods(allowed);
    }

    private static Set<String> withImplicitMethods(Set<String> declared) {
        Set<String> all = new TreeSet<>(declared);
        if (declared.contains(HttpMethod.GET)) {
            all.add(HttpMethod.HEAD);
        }
        all.add(HttpMethod.OPTIONS);
        return all;
    }
}

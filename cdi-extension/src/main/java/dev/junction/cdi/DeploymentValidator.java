package dev.junction.cdi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the configuration problems of one deployment, each with a stable code, so that all of them are
 * reported together as deployment problems. Also holds the checks that need only the discovered descriptions.
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><td>{@value #MISSING_INPUT_CHANNEL}</td><td>an endpoint method names no input channel</td></tr>
 * <tr><td>{@value #POLLER_ON_SUBSCRIBABLE}</td><td>{@code @Poller} on an endpoint whose input channel is subscribable</td></tr>
 * <tr><td>{@value #POLLABLE_WITHOUT_POLLER}</td><td>a pollable input channel and no {@code @Poller}</td></tr>
 * <tr><td>{@value #INVALID_POLLER}</td><td>a {@code @Poller} with conflicting or invalid settings</td></tr>
 * <tr><td>{@value #INVALID_GATEWAY}</td><td>a gateway interface the gateway runtime refuses</td></tr>
 * <tr><td>{@value #DUPLICATE_ENDPOINT_ID}</td><td>two endpoints with one id</td></tr>
 * <tr><td>{@value #INVALID_ENDPOINT_METHOD}</td><td>an endpoint method whose parameters cannot be mapped or are ambiguous</td></tr>
 * <tr><td>{@value #INVALID_CHANNEL}</td><td>a declared channel that cannot be registered: two declarations of a name, a
 * name different from the qualifier's, a type that is neither subscribable nor pollable where a consumer needs one</td></tr>
 * </table>
 *
 * <p>Not thread-safe: used by the one thread validating the deployment.
 */
public final class DeploymentValidator {

    public static final String MISSING_INPUT_CHANNEL = "JNC-0501";
    public static final String POLLER_ON_SUBSCRIBABLE = "JNC-0502";
    public static final String POLLABLE_WITHOUT_POLLER = "JNC-0503";
    public static final String INVALID_POLLER = "JNC-0504";
    public static final String INVALID_GATEWAY = "JNC-0505";
    public static final String DUPLICATE_ENDPOINT_ID = "JNC-0506";
    public static final String INVALID_ENDPOINT_METHOD = "JNC-0507";
    public static final String INVALID_CHANNEL = "JNC-0508";

    private final List<String> problems = new ArrayList<>();

    /** Adds a problem: {@code code + " " + text}; the text names the class or method at fault and the fix. */
    public void problem(String code, String text) {
        problems.add(code + " " + text);
    }

    /** @return the problems found so far, in the order found */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @return whether nothing was found */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * Checks what needs no runtime: every endpoint names an input channel, no two share an id.
     *
     * @return the endpoints without such problems, which may be wired
     */
    public List<EndpointDescriptor> checkEndpoints(List<EndpointDescriptor> endpoints) {
        Map<String, List<EndpointDescriptor>> byId = new HashMap<>();
        for (EndpointDescriptor endpoint : endpoints) {
            byId.computeIfAbsent(endpoint.id(), id -> new ArrayList<>()).add(endpoint);
        }
        List<EndpointDescriptor> wirable = new ArrayList<>();
        for (EndpointDescriptor endpoint : endpoints) {
            boolean ok = true;
            if (endpoint.inputChannel().isEmpty()) {
                problem(MISSING_INPUT_CHANNEL, endpoint.describeMethod() + ": @ServiceActivator names no input"
                        + " channel; set inputChannel to the channel the method consumes from");
                ok = false;
            }
            List<EndpointDescriptor> sameId = byId.get(endpoint.id());
            if (sameId.size() > 1) {
                if (sameId.get(0) == endpoint) {
                    List<String> methods = sameId.stream().map(EndpointDescriptor::describeMethod).toList();
                    problem(DUPLICATE_ENDPOINT_ID, "endpoint id '" + endpoint.id() + "' is used by " + methods
                            + "; endpoint ids must be unique: set a distinct id on the annotations (overloaded"
                            + " methods get the same default id)");
                }
                ok = false;
            }
            if (ok) {
                wirable.add(endpoint);
            }
        }
        return wirable;
    }
}

package dev.junction.cdi;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the configuration problems of one deployment, each with a stable code, so that all of them are
 * reported together, in the one exception that fails the deployment ({@link #failure()}). Also holds the checks that
 * need only the discovered descriptions.
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><td>{@value #MISSING_INPUT_CHANNEL}</td><td>an endpoint method names no input channel</td></tr>
 * <tr><td>{@value #POLLER_ON_SUBSCRIBABLE}</td><td>{@code @Poller} on an endpoint whose input channel is subscribable</td></tr>
 * <tr><td>{@value #POLLABLE_WITHOUT_POLLER}</td><td>a pollable input channel and no {@code @Poller}</td></tr>
 * <tr><td>{@value #INVALID_POLLER}</td><td>a {@code @Poller} with conflicting or invalid settings (two of fixed
 * delay, fixed rate, cron and trigger, ...), or whose named trigger, executor or advice bean cannot be created</td></tr>
 * <tr><td>{@value #INVALID_GATEWAY}</td><td>a gateway interface the gateway runtime refuses</td></tr>
 * <tr><td>{@value #DUPLICATE_ENDPOINT_ID}</td><td>two endpoints with one id</td></tr>
 * <tr><td>{@value #INVALID_ENDPOINT_METHOD}</td><td>an endpoint method whose parameters cannot be mapped or are ambiguous</td></tr>
 * <tr><td>{@value #INVALID_CHANNEL}</td><td>a declared channel that cannot be registered: two declarations of a name, a
 * name different from the qualifier's, a type that is neither subscribable nor pollable where a consumer needs one</td></tr>
 * <tr><td>{@value #NO_TRANSACTION_MANAGER}</td><td>{@code @Poller(transactional = true)} where neither a
 * JTA {@code UserTransaction} nor a {@code TransactionManager} is available (as a bean or in JNDI)</td></tr>
 * <tr><td>{@value #INVALID_RETURN_TYPE}</td><td>a return type that does not fit the endpoint kind: a filter not returning
 * boolean, a transformer, router or inbound adapter returning nothing</td></tr>
 * <tr><td>{@value #ADAPTER_METHOD_WITH_PARAMETERS}</td><td>an inbound channel adapter method with parameters</td></tr>
 * <tr><td>{@value #ADAPTER_WITHOUT_POLLER}</td><td>an inbound channel adapter without {@code @Poller} and no default poller</td></tr>
 * <tr><td>{@value #MISSING_OUTPUT_CHANNEL}</td><td>an inbound channel adapter that names no channel</td></tr>
 * <tr><td>{@value #INVALID_ROUTER_MAPPING}</td><td>a router channel mapping that is not {@code key=channel}, or repeats a key</td></tr>
 * <tr><td>{@value #BRIDGE_NOT_ON_CHANNEL_PRODUCER}</td><td>{@code @BridgeFrom}/{@code @BridgeTo} on a method that is not a
 * {@code @Produces @Channel} producer</td></tr>
 * <tr><td>{@value #CONFLICTING_ENDPOINT_ANNOTATIONS}</td><td>several endpoint annotations on one method</td></tr>
 * <tr><td>{@value #DUPLICATE_DEFAULT_POLLER}</td><td>more than one {@code @DefaultPoller} bean</td></tr>
 * <tr><td>{@value #INVALID_DEFAULT_POLLER}</td><td>a {@code @DefaultPoller} bean that is not a {@code PollerMetadata},
 * cannot be created, or names an error channel that does not exist</td></tr>
 * <tr><td>{@value #MISSING_BEAN_REFERENCE}</td><td>a {@code @Poller} trigger, task executor or advice name that no
 * bean has</td></tr>
 * <tr><td>{@value #AMBIGUOUS_BEAN_REFERENCE}</td><td>a {@code @Poller} trigger, task executor or advice name that
 * several beans have</td></tr>
 * <tr><td>{@value #WRONG_BEAN_REFERENCE_TYPE}</td><td>a {@code @Poller} trigger, task executor or advice name whose
 * bean is not a trigger, an executor, an advice</td></tr>
 * <tr><td>{@value #INVALID_GLOBAL_INTERCEPTOR}</td><td>a {@code @GlobalChannelInterceptor} bean that is not a
 * {@code ChannelInterceptor}, has invalid patterns or cannot be created</td></tr>
 * <tr><td>{@value #INVALID_CONVERTER}</td><td>a {@code Converter} bean without concrete type arguments, two for one
 * pair of types, or one that cannot be created</td></tr>
 * <tr><td>{@value #INVALID_LOAD_BALANCER}</td><td>a {@code @Channel} {@code LoadBalancingStrategy} bean for a
 * declared, built-in or unused channel, two for one channel, or one that cannot be created</td></tr>
 * <tr><td>{@value #CHANNEL_TYPE_MISMATCH}</td><td>a {@code @Channel} injection point whose type its channel does not
 * have (reported with the others, instead of the container's own "unsatisfied dependency")</td></tr>
 * <tr><td>{@value #FAILED_DECLARATION}</td><td>a {@code Declaration} bean that throws, or cannot be created</td></tr>
 * <tr><td>{@value #INVALID_FLOW}</td><td>a flow a {@code Declaration} bean declared that cannot be built (its own
 * code says why)</td></tr>
 * </table>
 *
 * <p>Not thread-safe: used by the one thread validating the deployment.
 */
final class DeploymentValidator {

    public static final String MISSING_INPUT_CHANNEL = "JNC-0501";
    public static final String POLLER_ON_SUBSCRIBABLE = "JNC-0502";
    public static final String POLLABLE_WITHOUT_POLLER = "JNC-0503";
    public static final String INVALID_POLLER = "JNC-0504";
    public static final String INVALID_GATEWAY = "JNC-0505";
    public static final String DUPLICATE_ENDPOINT_ID = "JNC-0506";
    public static final String INVALID_ENDPOINT_METHOD = "JNC-0507";
    public static final String INVALID_CHANNEL = "JNC-0508";
    /** {@code @Poller(transactional = true)} and neither a JTA user transaction nor a transaction manager found. */
    public static final String NO_TRANSACTION_MANAGER = "JNC-0530";
    public static final String INVALID_RETURN_TYPE = "JNC-0509";
    public static final String ADAPTER_METHOD_WITH_PARAMETERS = "JNC-0510";
    public static final String ADAPTER_WITHOUT_POLLER = "JNC-0511";
    public static final String MISSING_OUTPUT_CHANNEL = "JNC-0512";
    public static final String INVALID_ROUTER_MAPPING = "JNC-0513";
    public static final String BRIDGE_NOT_ON_CHANNEL_PRODUCER = "JNC-0514";
    public static final String CONFLICTING_ENDPOINT_ANNOTATIONS = "JNC-0515";
    public static final String DUPLICATE_DEFAULT_POLLER = "JNC-0516";
    public static final String INVALID_DEFAULT_POLLER = "JNC-0517";
    public static final String MISSING_BEAN_REFERENCE = "JNC-0518";
    public static final String AMBIGUOUS_BEAN_REFERENCE = "JNC-0519";
    public static final String WRONG_BEAN_REFERENCE_TYPE = "JNC-0520";
    public static final String INVALID_GLOBAL_INTERCEPTOR = "JNC-0521";
    public static final String INVALID_CONVERTER = "JNC-0522";
    public static final String INVALID_LOAD_BALANCER = "JNC-0523";
    /** A {@code @Channel} injection point asking for a type its channel's bean does not have. */
    public static final String CHANNEL_TYPE_MISMATCH = "JNC-0524";
    public static final String FAILED_DECLARATION = "JNC-0525";
    public static final String INVALID_FLOW = "JNC-0526";

    private static final System.Logger LOG = System.getLogger(DeploymentValidator.class.getName());

    private final List<String> problems = new ArrayList<>();

    /** Adds a problem: {@code code + " " + text}; the text names the class or method at fault and the fix. */
    public void problem(String code, String text) {
        problems.add(code + " " + text);
    }

    /** @return the problems found so far, in the order found */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Logs every problem, each on its own, and returns them in one exception, one a line: containers differ in what
     * they put in the exception they fail with (OpenWebBeans keeps problems added to the event in its log only), but
     * every one propagates an exception an observer throws.
     *
     * @return the deployment failure listing every problem found
     * @throws IllegalStateException when no problem was found
     */
    public DeploymentException failure() {
        if (problems.isEmpty()) {
            throw new IllegalStateException("No problem found: the deployment may go on");
        }
        problems.forEach(problem -> LOG.log(System.Logger.Level.ERROR, problem));
        return new DeploymentException("The Junction configuration of this deployment has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; fix them all before deploying again:\n"
                + String.join("\n", problems));
    }

    /** @return whether nothing was found */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * Checks what needs no runtime: every endpoint names the channels its kind needs and has a method of the right
     * shape ({@link EndpointChecks}), no two share an id.
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
            boolean ok = EndpointChecks.check(endpoint, this);
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

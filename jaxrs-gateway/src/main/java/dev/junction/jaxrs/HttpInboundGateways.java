package dev.junction.jaxrs;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP inbound gateways of one runtime: declares them, routes each request to the one whose path template and
 * method match (see {@link JunctionHttpApplication} for putting them behind Jakarta REST), and owns the timer that
 * bounds their waits for replies.
 *
 * <p><b>The timer.</b> A request waiting for its reply holds no thread: its reply channel completes it when the
 * reply comes, and a task on this timer answers 504 when the reply timeout passes first. The default timer is one
 * daemon thread ({@code junction-http-timer-N}) shared by every gateway of the runtime, shut down when the runtime
 * closes; a container's managed scheduled executor can be given instead ({@link #create(Junction,
 * ScheduledExecutorService)}), and its owner shuts it down. The timer task only writes the 504 answer, so one thread
 * keeps the timeouts precise. Jakarta REST's own {@code AsyncResponse} timeouts are not used: on some containers they
 * fire far later than asked.
 *
 * <p>Closing (with the runtime, or {@link #close()}) refuses new requests with 503; requests already waiting are
 * answered when their reply or their timeout comes. Thread-safe.
 */
public final class HttpInboundGateways implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpInboundGateways.class.getName());
    private static final AtomicInteger TIMERS = new AtomicInteger();
    /**
     * The gateways made by {@link #of(Junction)}, one per runtime until it closes. Static on purpose: in a container
     * this module's classes belong to one deployment, whose Jakarta REST application finds its runtime's gateways
     * here without any reference to the runtime.
     */
    private static final Map<JunctionRuntime, HttpInboundGateways> SHARED = new ConcurrentHashMap<>();

    private final JunctionRuntime runtime;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final RouteTable routes = new RouteTable();
    private volatile boolean closed;

    private HttpInboundGateways(JunctionRuntime runtime, ScheduledExecutorService timer, boolean ownsTimer) {
        this.runtime = runtime;
        this.timer = timer;
        this.ownsTimer = ownsTimer;
        runtime.onClose(this::close);
    }

    /**
     * The gateways of a runtime, with a timer of their own.
     *
     * @throws ConfigurationException ({@code JNC-0813}) when the runtime is not {@code junction-impl}'s
     */
    public static HttpInboundGateways create(Junction junction) {
        JunctionRuntime runtime = runtimeOf(junction);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "junction-http-timer-" + TIMERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // most waits end with a reply: drop their cancelled tasks at once
        return new HttpInboundGateways(runtime, timer, true);
    }

    /**
     * The one set of gateways of a runtime, made (with a timer of its own) on the first call and the same for every
     * later call until the runtime closes: what declarations use under CDI ({@code Declaration} beans), where
     * nothing else holds the gateways. A {@link JunctionHttpApplication} made without gateways serves these.
     *
     * @throws ConfigurationException ({@code JNC-0813}) when the runtime is not {@code junction-impl}'s
     */
    public static HttpInboundGateways of(Junction junction) {
        JunctionRuntime runtime = runtimeOf(junction);
        return SHARED.computeIfAbsent(runtime, shared -> create(shared));
    }

    /**
     * @return the gateways {@link #of(Junction)} made for the one open runtime that has them, if exactly one has
     * @throws IllegalStateException when several runtimes have them: the application must name its gateways
     */
    static Optional<HttpInboundGateways> shared() {
        List<HttpInboundGateways> all = List.copyOf(SHARED.values());
        if (all.size() > 1) {
            throw new IllegalStateException("Several runtimes of this class loader have HTTP inbound gateways ("
                    + all.size() + "); make the JunctionHttpApplication with the gateways to serve");
        }
        return all.stream().findFirst();
    }

    /**
     * The gateways of a runtime, timing their waits on the given executor (a container's managed scheduled executor);
     * its owner shuts it down.
     *
     * @throws ConfigurationException ({@code JNC-0813}) when the runtime is not {@code junction-impl}'s
     */
    public static HttpInboundGateways create(Junction junction, ScheduledExecutorService timer) {
        return new HttpInboundGateways(runtimeOf(junction), Objects.requireNonNull(timer, "timer"), false);
    }

    private static JunctionRuntime runtimeOf(Junction junction) {
        if (Objects.requireNonNull(junction, "junction") instanceof JunctionRuntime runtime) {
            return runtime;
        }
        throw new ConfigurationException(List.of(HttpRule.NOT_JUNCTION_RUNTIME.problem("the runtime is a "
                + junction.getClass().getName() + "; build it with Junction.create() or Junction.builder() with"
                + " junction-impl on the class path")));
    }

    /** @return the declaration of a request-reply gateway with this endpoint id */
    public HttpInboundGateway.Builder inboundGateway(String id) {
        return new HttpInboundGateway.Builder(this, id, false);
    }

    /** @return the declaration of a one-way inbound channel adapter (answering 202 once sent) with this endpoint id */
    public HttpInboundGateway.Builder inboundAdapter(String id) {
        return new HttpInboundGateway.Builder(this, id, true);
    }

    /** @return the declared gateways, most specific path first */
    public List<HttpInboundGateway> gateways() {
        return routes.gateways();
    }

    /** @return the gateway with that id */
    public Optional<HttpInboundGateway> gateway(String id) {
        return routes.gateways().stream().filter(gateway -> gateway.getId().equals(id)).findFirst();
    }

    /** Refuses new requests (503) and shuts down the timer it created. Idempotent; the runtime's close calls it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SHARED.remove(runtime, this);
        routes.gateways().forEach(gateway -> {
            if (gateway.replyRouter() != null) {
                gateway.replyRouter().close();
            }
        });
        if (ownsTimer) {
            // waits already scheduled still end on time: a shut-down executor runs its delayed tasks by default
            timer.shutdown();
        }
    }

    // --- what the gateways and the resource use -------------------------------------------------------------

    /** Routes one request to its gateway, or answers 404 / 405 itself. */
    void dispatch(InboundRequest request, Responder responder) {
        RouteTable.Outcome outcome = routes.route(request.method(), request.encodedPath());
        if (outcome instanceof RouteTable.Found found) {
            found.gateway().handle(request, found.pathParams(), responder);
        } else if (outcome instanceof RouteTable.MethodNotAllowed notAllowed) {
            responder.respond(ProblemResponses.problem(405, "This resource does not serve " + request.method(),
                    request.encodedPath(), null).allow(notAllowed.allowed()).build());
        } else {
            responder.respond(ProblemResponses.problem(404, "No resource has this path", request.encodedPath(), null)
                    .build());
        }
    }

    /** Answers {@code OPTIONS}: the methods served on the path, or 404. */
    Response options(String encodedPath) {
        Set<String> allowed = routes.allowed(encodedPath);
        if (allowed.isEmpty()) {
            return ProblemResponses.problem(404, "No resource has this path", encodedPath, null).build();
        }
        return Response.noContent().allow(allowed).build();
    }

    HttpInboundGateway register(HttpInboundGateway gateway) {
        if (closed) {
            throw new IllegalStateException("The HTTP gateways of this runtime are closed; build a new runtime");
        }
        if (runtime.endpoints().endpoint(gateway.getId()).isPresent()) {
            throw new ConfigurationException(List.of(HttpRule.DUPLICATE_ID.problem("gateway '" + gateway.getId()
                    + "': another endpoint of the runtime has this id; give the gateway another id")));
        }
        routes.add(gateway).ifPresent(duplicate -> {
            throw new ConfigurationException(List.of(duplicate));
        });
        try {
            runtime.endpoints().register(gateway);
        } catch (IllegalStateException duplicateId) {
            routes.remove(gateway);
            // a race with another registration of the same id, which the check above missed
            throw new ConfigurationException(List.of(HttpRule.DUPLICATE_ID.problem(duplicateId.getMessage())));
        }
        if (gateway.replyRouter() != null) {
            gateway.replyRouter().open();
        }
        if (runtime.isRunning() && gateway.isAutoStartup()) {
            gateway.start(); // the runtime started its endpoints before this one existed
        }
        LOG.log(Level.DEBUG, () -> "Declared " + gateway);
        return gateway;
    }

    /** @return whether new requests are taken: the runtime runs (not stopping) and this is not closed */
    boolean isAccepting() {
        return !closed && runtime.isRunning();
    }

    boolean isClosed() {
        return closed;
    }

    Optional<MessageChannel> findChannel(String name) {
        return runtime.channels().find(name);
    }

    MessageChannel nullChannel() {
        return runtime.channels().nullChannel();
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public String toString() {
        return "HttpInboundGateways" + routes.gateways();
    }
}

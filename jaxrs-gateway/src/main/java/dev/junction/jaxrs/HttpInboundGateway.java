package dev.junction.jaxrs;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.message.Message;
import dev.junction.impl.endpoint.MessageProducerEndpoint;
import dev.junction.impl.gateway.ReplyBridge;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An HTTP inbound gateway: the requests whose path matches its template and whose method it serves become request
 * messages on its request channel, and the reply becomes the response. Declared in plain Java through
 * {@link HttpInboundGateways#inboundGateway(String)}; {@link HttpInboundGateways#inboundAdapter(String)} declares the
 * one-way kind, the inbound channel adapter, which answers {@code 202 Accepted} once its message is sent.
 *
 * <pre>{@code
 * HttpInboundGateways http = HttpInboundGateways.create(junction);
 * http.inboundGateway("orderLookup")
 *         .path("/orders/{id}").methods("GET")
 *         .requestChannel("orderLookups")
 *         .build();
 * }</pre>
 *
 * <p>A gateway is an endpoint of its runtime: {@code junction.stop()} stops it and it can be stopped and started
 * on its own. While it, or its runtime, is not running it answers {@code 503}. The request waits no thread for its
 * reply: see {@link HttpInboundGateways} for the timer that bounds the wait.
 *
 * <p>What a request and its reply become, and every status a gateway answers with, is described in the HTTP
 * chapter of the reference guide; the headers are named in {@link HttpMessageHeaders}.
 */
public final class HttpInboundGateway extends MessageProducerEndpoint {

    /** How long a request waits by default for the request channel to take its message: 1000 ms. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(1000);
    /** How long a request waits by default for its reply once its message was sent: 1000 ms. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(1000);
    /** The largest request body a gateway reads by default: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

    /** The methods a gateway may serve; HEAD is served by GET, OPTIONS by the gateways together. */
    static final Set<String> SERVABLE_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH);

    private static final System.Logger LOG = System.getLogger(HttpInboundGateway.class.getName());

    private final HttpInboundGateways registry;
    private final PathTemplate template;
    private final Set<String> methods;
    private final List<MediaType> consumes;
    private final List<MediaType> produces;
    private final MessageChannel requestChannel;
    private final MessageChannel replyChannel;
    private final ReplyBridge replyRouter;
    private final MessageChannel errorChannel;
    private final Duration requestTimeout;
    private final Duration replyTimeout;
    private final long maxBodySize;
    private final HttpHeaderMapper headerMapper;
    private final Class<?> payloadType;
    private final Function<Message<?>, Response> replyTimeoutResponse;
    private final boolean oneWay;
    private final AtomicLong inProgress = new AtomicLong();

    private HttpInboundGateway(Builder settings, PathTemplate template, List<MediaType> consumes,
            List<MediaType> produces, Map<String, MessageChannel> channels) {
        super(settings.id, settings.autoStartup);
        this.registry = settings.registry;
        this.template = template;
        this.methods = Set.copyOf(settings.methods);
        this.consumes = List.copyOf(consumes);
        this.produces = List.copyOf(produces);
        this.requestChannel = channels.get("request");
        this.replyChannel = channels.get("reply");
        this.replyRouter = replyChannel instanceof SubscribableChannel subscribable
                ? new ReplyBridge(settings.id, subscribable) : null;
        this.errorChannel = channels.get("error");
        this.requestTimeout = settings.requestTimeout;
        this.replyTimeout = settings.replyTimeout;
        this.maxBodySize = settings.maxBodySize;
        this.headerMapper = settings.headerMapper;
        this.payloadType = settings.payloadType;
        this.replyTimeoutResponse = settings.replyTimeoutResponse != null ? settings.replyTimeoutResponse
                : request -> GatewayExchange.defaultTimeoutResponse(request, replyTimeout.toMillis());
        this.oneWay = settings.oneWay;
    }

    /** @return the path template, as declared */
    public String getPath() {
        return template.toString();
    }

    /** @return the HTTP methods it serves */
    public Set<String> getMethods() {
        return methods;
    }

    /** @return whether it is the one-way kind (the inbound channel adapter), answering 202 once its message is sent */
    public boolean isOneWay() {
        return oneWay;
    }

    /** @return how long a request waits for the request channel to take its message */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @return how long a request waits for its reply once sent */
    public Duration getReplyTimeout() {
        return replyTimeout;
    }

    /** @return the largest body it reads, in bytes */
    public long getMaxBodySize() {
        return maxBodySize;
    }

    @Override
    protected void doStart() {
        LOG.log(Level.DEBUG, () -> this + " accepts requests");
    }

    @Override
    protected void doStop() {
        // requests already sent still get their replies; new ones are answered 503
        LOG.log(Level.DEBUG, () -> this + " refuses new requests");
    }

    /** Serves one request routed to this gateway; it is in progress until its response is given. */
    void handle(InboundRequest request, Map<String, String> pathParams, Responder responder) {
        inProgress.incrementAndGet();
        AtomicBoolean answered = new AtomicBoolean();
        Runnable ended = () -> {
            if (answered.compareAndSet(false, true)) {
                inProgress.decrementAndGet();
            }
        };
        try {
            new GatewayExchange(this, request, pathParams, response -> {
                try {
                    responder.respond(response);
                } finally {
                    ended.run();
                }
            }).run();
        } catch (RuntimeException fault) {
            ended.run(); // a fault of the gateway itself (a mapper) before anything was sent; the caller answers it
            throw fault;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The requests sent and not yet answered: a draining stop lets their replies come before the consumers stop.
     */
    @Override
    public long exchangesInProgress() {
        return inProgress.get();
    }

    /** @return whether a new request is taken: the gateway runs and its runtime neither stops nor is closed */
    boolean isAccepting() {
        return isRunning() && registry.isAccepting();
    }

    /** @return whether its runtime has closed, so no reply can come any more */
    boolean isClosed() {
        return registry.isClosed();
    }

    PathTemplate template() {
        return template;
    }

    Set<String> methods() {
        return methods;
    }

    List<MediaType> consumes() {
        return consumes;
    }

    List<MediaType> produces() {
        return produces;
    }

    MessageChannel requestChannel() {
        return requestChannel;
    }

    MessageChannel replyChannel() {
        return replyChannel;
    }

    ReplyBridge replyRouter() {
        return replyRouter;
    }

    MessageChannel errorChannel() {
        return errorChannel;
    }

    MessageChannel nullChannel() {
        return registry.nullChannel();
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    Duration replyTimeout() {
        return replyTimeout;
    }

    long maxBodySize() {
        return maxBodySize;
    }

    HttpHeaderMapper headerMapper() {
        return headerMapper;
    }

    Class<?> payloadType() {
        return payloadType;
    }

    Function<Message<?>, Response> replyTimeoutResponse() {
        return replyTimeoutResponse;
    }

    ScheduledExecutorService timer() {
        return registry.timer();
    }

    @Override
    public String toString() {
        return (oneWay ? "HttpInboundAdapter[" : "HttpInboundGateway[") + getId() + " " + methods + " " + template
                + "]";
    }

    /**
     * The declaration of a gateway. Everything but the path, the methods and the request channel has a default.
     * {@link #build()} checks the whole declaration and reports every problem in one {@link ConfigurationException}.
     * Not thread-safe.
     */
    public static final class Builder {

        private final HttpInboundGateways registry;
        private final String id;
        private final boolean oneWay;
        private String path;
        private final Set<String> methods = new LinkedHashSet<>();
        private final List<String> consumes = new ArrayList<>();
        private final List<String> produces = new ArrayList<>();
        private Object requestChannel;
        private Object replyChannel;
        private Object errorChannel;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;
        private boolean replyTimeoutSet;
        private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private HttpHeaderMapper headerMapper = DefaultHttpHeaderMapper.standard();
        private Class<?> payloadType;
        private Function<Message<?>, Response> replyTimeoutResponse;
        private boolean autoStartup = true;

        Builder(HttpInboundGateways registry, String id, boolean oneWay) {
            this.registry = registry;
            this.id = Objects.requireNonNull(id, "A gateway needs an id");
            this.oneWay = oneWay;
        }

        /** The path template below the application's base path: {@code /orders/{id}}, {@code /files/{name: .+}}. */
        public Builder path(String template) {
            this.path = Objects.requireNonNull(template, "template");
            return this;
        }

        /** The HTTP methods served: GET, POST, PUT, DELETE, PATCH (HEAD is served with GET). */
        public Builder methods(String... methods) {
            for (String method : methods) {
                this.methods.add(Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT));
            }
            return this;
        }

        /** The request content types taken (wildcards allowed); others are answered 415. All by default. */
        public Builder consumes(String... mediaTypes) {
            consumes.addAll(List.of(mediaTypes));
            return this;
        }

        /**
         * The response content types, in the gateway's order of preference; a request accepting none is answered
         * 406. By default the reply's payload decides (text, bytes, else JSON).
         */
        public Builder produces(String... mediaTypes) {
            produces.addAll(List.of(mediaTypes));
            return this;
        }

        /** Where request messages go: a channel registered with the runtime. Required. */
        public Builder requestChannel(String name) {
            this.requestChannel = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Where request messages go. Required. */
        public Builder requestChannel(MessageChannel channel) {
            this.requestChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * A subscribable channel replies arrive on, which other subscribers see too; by default a reply goes
         * straight back to its request. Not for one-way adapters.
         */
        public Builder replyChannel(String name) {
            this.replyChannel = Objects.requireNonNull(name, "name");
            return this;
        }

        /** See {@link #replyChannel(String)}. */
        public Builder replyChannel(MessageChannel channel) {
            this.replyChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * Where failures of the flow go as {@code ErrorMessage}s; the error flow's reply becomes the response
         * (status 500 unless it names one). Without it a failure is answered 500 with a problem body.
         */
        public Builder errorChannel(String name) {
            this.errorChannel = Objects.requireNonNull(name, "name");
            return this;
        }

        /** See {@link #errorChannel(String)}. */
        public Builder errorChannel(MessageChannel channel) {
            this.errorChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /**
         * How long to wait for the request channel to take a message (a full queue); then 503.
         * {@link #DEFAULT_REQUEST_TIMEOUT} by default; zero does not wait.
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long to wait for the reply once sent; then 504. {@link #DEFAULT_REPLY_TIMEOUT} by default. */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = Objects.requireNonNull(timeout, "timeout");
            this.replyTimeoutSet = true;
            return this;
        }

        /**
         * The answer when no reply came within the reply timeout, from the request message; by default 504 with a
         * problem body saying so.
         */
        public Builder replyTimeoutResponse(Function<Message<?>, Response> response) {
            this.replyTimeoutResponse = Objects.requireNonNull(response, "response");
            return this;
        }

        /** The largest body read, in bytes; a larger one is answered 413. {@link #DEFAULT_MAX_BODY_SIZE} by default. */
        public Builder maxBodySize(long bytes) {
            this.maxBodySize = bytes;
            return this;
        }

        /** Which headers travel between HTTP and messages; {@link DefaultHttpHeaderMapper#standard()} by default. */
        public Builder headerMapper(HttpHeaderMapper mapper) {
            this.headerMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * Reads request bodies into this type through the runtime's entity providers (JSON-B for
         * {@code application/json}); by default text bodies are {@code String}s and others {@code byte[]}.
         */
        public Builder payloadType(Class<?> type) {
            this.payloadType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Whether {@code junction.start()} starts the gateway; {@code true} by default. */
        public Builder autoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
            return this;
        }

        /**
         * Checks the declaration, creates the gateway and registers it with its runtime, which starts it with the
         * other endpoints (at once, when the runtime already runs).
         *
         * @throws ConfigurationException listing every problem of the declaration ({@code JNC-08xx})
         */
        public HttpInboundGateway build() {
            List<String> problems = new ArrayList<>();
            PathTemplate template = template(problems);
            checkMethods(problems);
            List<MediaType> consumed = mediaTypes(consumes, "consumes", problems);
            List<MediaType> produced = mediaTypes(produces, "produces", problems);
            Map<String, MessageChannel> channels = channels(problems);
            checkLimits(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return registry.register(new HttpInboundGateway(this, template, consumed, produced, channels));
        }

        private PathTemplate template(List<String> problems) {
            if (path == null) {
                problems.add(problem(HttpRule.INVALID_PATH, "no path is declared; set path(\"/...\")"));
                return null;
            }
            try {
                return PathTemplate.parse(path);
            } catch (IllegalArgumentException invalid) {
                problems.add(problem(HttpRule.INVALID_PATH, invalid.getMessage()));
                return null;
            }
        }

        private void checkMethods(List<String> problems) {
            if (methods.isEmpty()) {
                problems.add(problem(HttpRule.INVALID_METHOD, "no HTTP method is declared; set methods(\"GET\")"));
            }
            for (String method : methods) {
                if (!SERVABLE_METHODS.contains(method)) {
                    problems.add(problem(HttpRule.INVALID_METHOD, "'" + method + "' cannot be served; use GET, POST,"
                            + " PUT, DELETE or PATCH (HEAD is served with GET)"));
                }
            }
        }

        private List<MediaType> mediaTypes(List<String> declared, String role, List<String> problems) {
            List<MediaType> parsed = new ArrayList<>();
            for (String type : declared) {
                try {
                    parsed.add(MediaType.valueOf(Objects.requireNonNull(type, role)));
                } catch (IllegalArgumentException invalid) {
                    problems.add(problem(HttpRule.INVALID_MEDIA_TYPE, role + " names '" + type + "', which is not a"
                            + " media type"));
                }
            }
            return parsed;
        }

        private Map<String, MessageChannel> channels(List<String> problems) {
            Map<String, MessageChannel> channels = new java.util.HashMap<>();
            if (requestChannel == null) {
                problems.add(problem(HttpRule.NO_REQUEST_CHANNEL, "no request channel is declared; set"
                        + " requestChannel(...)"));
            } else {
                resolve("request", requestChannel, channels, problems);
            }
            if (replyChannel != null) {
                resolve("reply", replyChannel, channels, problems);
                MessageChannel reply = channels.get("reply");
                if (reply != null && !(reply instanceof SubscribableChannel)) {
                    problems.add(problem(HttpRule.POLLABLE_REPLY_CHANNEL, "the reply channel '" + reply.getName()
                            + "' is not subscribable; use a direct or publish-subscribe channel, or none"));
                }
            }
            if (errorChannel != null) {
                resolve("error", errorChannel, channels, problems);
            }
            return channels;
        }

        private void resolve(String role, Object channel, Map<String, MessageChannel> resolved, List<String> problems) {
            if (channel instanceof MessageChannel instance) {
                resolved.put(role, instance);
                return;
            }
            registry.findChannel((String) channel).ifPresentOrElse(found -> resolved.put(role, found),
                    () -> problems.add(problem(HttpRule.UNKNOWN_CHANNEL, "the " + role + " channel '" + channel
                            + "' is not registered; register it or declare a flow from it first")));
        }

        private void checkLimits(List<String> problems) {
            if (requestTimeout.isNegative()) {
                problems.add(problem(HttpRule.INVALID_TIMEOUT, "the request timeout is " + requestTimeout.toMillis()
                        + " ms; use zero (do not wait) or more"));
            }
            if (replyTimeout.isNegative()) {
                problems.add(problem(HttpRule.INVALID_TIMEOUT, "the reply timeout is " + replyTimeout.toMillis()
                        + " ms; use zero or more"));
            }
            if (maxBodySize < 0) {
                problems.add(problem(HttpRule.INVALID_BODY_LIMIT, "the body size limit is " + maxBodySize
                        + " bytes; use zero (no body) or more"));
            }
            if (oneWay && (replyChannel != null || replyTimeoutSet || replyTimeoutResponse != null)) {
                problems.add(problem(HttpRule.REPLY_SETTING_ON_ADAPTER, "an inbound adapter waits for no reply,"
                        + " but a reply channel, reply timeout or reply timeout response is set; remove them, or"
                        + " declare an inbound gateway"));
            }
        }

        private String problem(HttpRule rule, String detail) {
            return rule.problem((oneWay ? "inbound adapter '" : "inbound gateway '") + id + "': " + detail);
        }
    }
}

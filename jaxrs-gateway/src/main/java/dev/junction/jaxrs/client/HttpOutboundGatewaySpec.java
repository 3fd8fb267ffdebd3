package dev.junction.jaxrs.client;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.runtime.JunctionRuntime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Declares an {@link HttpOutboundGateway}: made by {@link HttpOutbound}, {@link #build()} checks everything at once
 * and returns the handler to use as a flow's step. Not thread-safe; one build per spec. Every setting has a default
 * but the URI variables, which the template names.
 */
public final class HttpOutboundGatewaySpec {

    /** The response headers a reply carries by default: what describes the body and where it lives. */
    public static final List<String> DEFAULT_RESPONSE_HEADERS = List.of("Content-Type", "Content-Language",
            "Location", "ETag", "Last-Modified");

    private final Junction junction;
    private final String uriTemplate;
    private final boolean oneWay;
    private final Map<String, String> uriVariables = new LinkedHashMap<>();
    private final Map<String, String> headerExpressions = new LinkedHashMap<>();
    private final List<String> requestHeaders = new ArrayList<>();
    private final List<String> responseHeaders = new ArrayList<>(DEFAULT_RESPONSE_HEADERS);
    private String name;
    private String method = "POST";
    private String methodExpression;
    private Class<?> expectedResponseType;
    private Duration connectTimeout = HttpOutboundGateway.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = HttpOutboundGateway.DEFAULT_READ_TIMEOUT;
    private Duration sendTimeout = HttpOutboundGateway.DEFAULT_SEND_TIMEOUT;
    private int maxConnections = HttpOutboundGateway.DEFAULT_MAX_CONNECTIONS;
    private Executor executor;
    private String outputChannelName;
    private MessageChannel outputChannel;
    private boolean built;

    HttpOutboundGatewaySpec(Junction junction, String uriTemplate, boolean oneWay) {
        this.junction = Objects.requireNonNull(junction, "junction");
        this.uriTemplate = Objects.requireNonNull(uriTemplate, "uriTemplate");
        this.oneWay = oneWay;
    }

    /** How logs and errors name the gateway; by default "HTTP outbound gateway" and its URI template. */
    public HttpOutboundGatewaySpec name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The value of the template's variable {@code {variable}}: a Jakarta EL expression over the request message
     * ({@code payload.id}, {@code headers['tenant']}); the value's text is percent-encoded as one URI component.
     */
    public HttpOutboundGatewaySpec uriVariable(String variable, String expression) {
        uriVariables.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(expression, "expression"));
        return this;
    }

    /** The HTTP method of every request: {@code POST} by default. */
    public HttpOutboundGatewaySpec httpMethod(String method) {
        this.method = Objects.requireNonNull(method, "method");
        this.methodExpression = null;
        return this;
    }

    /** The HTTP method per request, from an expression over the message ({@code headers['http_method']}). */
    public HttpOutboundGatewaySpec httpMethodExpression(String expression) {
        this.methodExpression = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /**
     * The reply's payload type: {@code String} (decoded in the response's charset, UTF-8 by default),
     * {@code byte[]}, or a type JSON-B reads the body into. By default a {@code String} for text, JSON and XML
     * content types, else {@code byte[]}. A response without a body replies the empty {@code String}.
     */
    public HttpOutboundGatewaySpec expectedResponseType(Class<?> type) {
        this.expectedResponseType = Objects.requireNonNull(type, "type");
        return this;
    }

    /** A request header from an expression over the message; a {@code null} value sends no header. */
    public HttpOutboundGatewaySpec header(String header, String expression) {
        headerExpressions.put(Objects.requireNonNull(header, "header"), Objects.requireNonNull(expression,
                "expression"));
        return this;
    }

    /**
     * Message headers sent as request headers of the same name: names, or prefixes ending in {@code *}
     * ({@code "X-Trace-*"}). None by default; hop-by-hop headers, and those the client sets itself, never.
     */
    public HttpOutboundGatewaySpec mapRequestHeaders(String... patterns) {
        requestHeaders.addAll(List.of(patterns));
        return this;
    }

    /**
     * Response headers the reply carries (as {@code http_remoteHeader_<lower-case name>}), replacing
     * {@link #DEFAULT_RESPONSE_HEADERS}: names, or prefixes ending in {@code *}.
     */
    public HttpOutboundGatewaySpec mapResponseHeaders(String... patterns) {
        responseHeaders.clear();
        responseHeaders.addAll(List.of(patterns));
        return this;
    }

    /** How long getting a connection may take: {@link HttpOutboundGateway#DEFAULT_CONNECT_TIMEOUT}. */
    public HttpOutboundGatewaySpec connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long the whole exchange may take: {@link HttpOutboundGateway#DEFAULT_READ_TIMEOUT}. */
    public HttpOutboundGatewaySpec readTimeout(Duration timeout) {
        this.readTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How long sending the reply may block on a full reply or output channel:
     * {@link HttpOutboundGateway#DEFAULT_SEND_TIMEOUT}. Channels that never block ignore it.
     */
    public HttpOutboundGatewaySpec sendTimeout(Duration timeout) {
        this.sendTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How many exchanges may be in progress at once, which bounds the gateway's open HTTP/1.1 connections:
     * {@link HttpOutboundGateway#DEFAULT_MAX_CONNECTIONS}. A request finding all busy waits up to the connect timeout.
     */
    public HttpOutboundGatewaySpec maxConnections(int connections) {
        this.maxConnections = connections;
        return this;
    }

    /**
     * Where the client runs its tasks (a container's managed executor); by default the JDK client's own threads.
     */
    public HttpOutboundGatewaySpec executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Where replies go when the gateway is not a flow's step; by default to the request's reply channel. */
    public HttpOutboundGatewaySpec outputChannel(String channel) {
        this.outputChannelName = Objects.requireNonNull(channel, "channel");
        this.outputChannel = null;
        return this;
    }

    /** As {@link #outputChannel(String)}, with the channel itself. */
    public HttpOutboundGatewaySpec outputChannel(MessageChannel channel) {
        this.outputChannel = Objects.requireNonNull(channel, "channel");
        this.outputChannelName = null;
        return this;
    }

    /**
     * Checks the declaration and makes the gateway; its client is released when the runtime closes.
     *
     * @throws ConfigurationException listing every problem, each with its code
     * @throws IllegalStateException when the spec was built already
     */
    public HttpOutboundGateway build() {
        if (built) {
            throw new IllegalStateException("This HTTP outbound gateway spec was built already; make a new one");
        }
        if (!(junction instanceof JunctionRuntime runtime)) {
            throw new ConfigurationException(List.of(OutboundRule.NOT_JUNCTION_RUNTIME.problem("the runtime is a "
                    + junction.getClass().getName() + "; build it with Junction.create() or Junction.builder() with"
                    + " junction-impl on the class path")));
        }
        String owner = name != null ? name : (oneWay ? "HTTP outbound adapter to " : "HTTP outbound gateway to ")
                + uriTemplate;
        List<String> problems = new ArrayList<>();
        UriTemplate template = template(owner, problems);
        Map<String, Expression> variables = parseAll(runtime, uriVariables, "URI variable", owner, problems);
        if (template != null) {
            template.variables().stream().filter(variable -> !uriVariables.containsKey(variable)).forEach(missing ->
                    problems.add(OutboundRule.INVALID_URI_TEMPLATE.problem(owner + ": the template names {" + missing
                            + "} but no uriVariable(\"" + missing + "\", expression) gives its value")));
            uriVariables.keySet().stream().filter(variable -> !template.variables().contains(variable))
                    .forEach(unused -> problems.add(OutboundRule.INVALID_URI_TEMPLATE.problem(owner
                            + ": uriVariable(\"" + unused + "\") is not a variable of the template; remove it or"
                            + " write {" + unused + "} in the template")));
        }
        Expression methodParsed = methodExpression == null ? null
                : parse(runtime, methodExpression, "the method expression", owner, problems);
        String fixedMethod = method.strip().toUpperCase(Locale.ROOT);
        if (methodExpression == null && !fixedMethod.matches("[A-Z]+")) {
            problems.add(OutboundRule.INVALID_METHOD.problem(owner + ": '" + method + "' is not an HTTP method"));
        }
        Map<String, Expression> headers = parseAll(runtime, headerExpressions, "header", owner, problems);
        headerExpressions.keySet().forEach(header -> HeaderPatterns.of(List.of(header), owner, problems));
        HeaderPatterns requestPatterns = HeaderPatterns.of(requestHeaders, owner, problems);
        HeaderPatterns responsePatterns = HeaderPatterns.of(responseHeaders, owner, problems);
        checkTimeouts(owner, problems);
        if (maxConnections < 1) {
            problems.add(OutboundRule.INVALID_POOL.problem(owner + ": maxConnections is " + maxConnections
                    + "; give 1 or more"));
        }
        MessageChannel output = outputChannel;
        if (outputChannelName != null) {
            output = runtime.channels().find(outputChannelName).orElse(null);
            if (output == null) {
                problems.add(OutboundRule.UNKNOWN_CHANNEL.problem(owner + ": no channel is named '"
                        + outputChannelName + "'; register it, or declare the flow that reads it, before building"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        RequestMapping requests = new RequestMapping(template, variables, fixedMethod, methodParsed, headers,
                requestPatterns, readTimeout);
        HttpOutboundGateway.GatewaySettings settings = new HttpOutboundGateway.GatewaySettings(requests,
                new ReplyMapping(expectedResponseType, responsePatterns), oneWay, client(runtime), maxConnections,
                connectTimeout, readTimeout);
        ReplyProducerSettings replies = ReplyProducerSettings.named(owner).resolver(runtime.channels())
                .outputChannel(output).sendTimeout(sendTimeout);
        built = true;
        return new HttpOutboundGateway(replies, settings);
    }

    private HttpClient client(JunctionRuntime runtime) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // one exchange per connection: the limit counts connections
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER); // a redirect is the flow's decision: its status replies
        if (executor != null) {
            client.executor(executor);
        }
        HttpClient made = client.build();
        if (made instanceof AutoCloseable closeable) { // JDK 21+: release the client's threads and connections now
            runtime.onClose(() -> {
                try {
                    closeable.close();
                } catch (Exception failed) {
                    System.getLogger(HttpOutboundGateway.class.getName()).log(System.Logger.Level.WARNING,
                            "Closing the HTTP client of an outbound gateway failed", failed);
                }
            });
        }
        return made;
    }

    private UriTemplate template(String owner, List<String> problems) {
        try {
            return UriTemplate.parse(uriTemplate);
        } catch (IllegalArgumentException invalid) {
            problems.add(OutboundRule.INVALID_URI_TEMPLATE.problem(owner + ": " + invalid.getMessage()));
            return null;
        }
    }

    private void checkTimeouts(String owner, List<String> problems) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            problems.add(OutboundRule.INVALID_TIMEOUT.problem(owner + ": the connect timeout is " + connectTimeout
                    + "; give a positive duration"));
        } else if (connectTimeout.compareTo(readTimeout) >= 0) {
            problems.add(OutboundRule.INVALID_TIMEOUT.problem(owner + ": the connect timeout (" + connectTimeout
                    + ") is not shorter than the read timeout (" + readTimeout + "), which counts the connection"
                    + " too; shorten the connect timeout or lengthen the read timeout"));
        }
        if (sendTimeout.isNegative()) {
            problems.add(OutboundRule.INVALID_TIMEOUT.problem(owner + ": the send timeout is " + sendTimeout
                    + "; give zero (do not wait) or a positive duration"));
        }
    }

    private static Map<String, Expression> parseAll(JunctionRuntime runtime, Map<String, String> expressions,
                                                    String kind, String owner, List<String> problems) {
        Map<String, Expression> parsed = new LinkedHashMap<>();
        expressions.forEach((key, text) -> {
            Expression expression = parse(runtime, text, "the " + kind + " '" + key + "'", owner, problems);
            if (expression != null) {
                parsed.put(key, expression);
            }
        });
        return parsed;
    }

    private static Expression parse(JunctionRuntime runtime, String text, String what, String owner,
                                    List<String> problems) {
        try {
            return runtime.expressionParser().parse(text, what + " of " + owner);
        } catch (ExpressionParseException invalid) {
            problems.add(OutboundRule.INVALID_EXPRESSION.problem(owner + ", " + what + ": " + invalid.getMessage()));
            return null;
        }
    }
}

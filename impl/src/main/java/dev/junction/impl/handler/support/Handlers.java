package dev.junction.impl.handler.support;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.expression.ExpressionSelector;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.LoggingHandler;
import dev.junction.impl.handler.MessageFilter;
import dev.junction.impl.handler.MessageProcessor;
import dev.junction.impl.handler.MessageRouter;
import dev.junction.impl.handler.MessageTransformingHandler;
import dev.junction.impl.handler.ServiceActivatingHandler;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Builds the handler of every endpoint kind from an object and a method, or from an expression, with one
 * application's conversion registry and expression parser. Plain Java code uses it directly; the CDI extension
 * passes invokers it built for bean methods.
 *
 * <pre>{@code
 * Handlers handlers = new Handlers(conversions, new ExpressionParser(beansResolver));
 * input.subscribe(handlers.serviceActivator(orderService, "place", ReplyProducerSettings.named("placeOrder")
 *         .outputChannel(placed)));
 * input.subscribe(handlers.serviceActivator("payload * 2", ReplyProducerSettings.named("doubler")
 *         .outputChannel(doubled)));
 * }</pre>
 *
 * <p>Which method, when a method name is {@code null} or blank: for a service activator and an outbound
 * adapter the one public method annotated {@link ServiceActivator}, else the one public method; for the other
 * kinds the one public method. Several candidates, or none, is an
 * {@link dev.junction.impl.invoke.InvalidHandlerMethodException} that lists them. Every method and expression is
 * checked when the handler is built (the method's shape, its parameters, its {@code @Payload} expressions, the
 * expression's syntax), so mistakes surface at deployment, not with the first message.
 *
 * <p>Immutable and thread-safe.
 */
public final class Handlers {

    private static final Handlers STANDARD = new Handlers(ConversionRegistry.empty(), ExpressionParser.standard());

    private final ConversionRegistry conversion;
    private final ExpressionParser parser;
    private final ElPayloadExpressionEvaluator payloadExpressions;

    /**
     * @param conversion converts payloads and headers to parameter types
     * @param parser     parses expressions; its extra resolver supplies the named beans
     */
    public Handlers(ConversionRegistry conversion, ExpressionParser parser) {
        this.conversion = Objects.requireNonNull(conversion, "conversion");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.payloadExpressions = new ElPayloadExpressionEvaluator(parser);
    }

    /** @return handlers without converters or named beans */
    public static Handlers standard() {
        return STANDARD;
    }

    // --- building blocks -------------------------------------------------------------------------------------

    /**
     * @return an invoker builder for the target with this instance's conversion registry and {@code @Payload}
     *         expression evaluator already set; choose the method on it (name, marker, {@code Method})
     */
    public HandlerMethodInvoker.Builder invoker(Object target) {
        return HandlerMethodInvoker.forTarget(target).conversion(conversion).payloadExpressions(payloadExpressions);
    }

    /** @return a processor calling the named method, or the target's one public method when the name is null */
    MethodInvokingProcessor method(Object target, String methodName) {
        return new MethodInvokingProcessor(prepared(invoker(target).methodName(methodName).build()));
    }

    /**
     * @return a processor evaluating the expression, parsed now
     * @throws dev.junction.impl.expression.ExpressionParseException when the text is not valid EL
     */
    ExpressionEvaluatingProcessor<Object> expression(String expressionText) {
        return ExpressionEvaluatingProcessor.of(parser.parse(expressionText));
    }

    /** @return the parser of this instance's expressions */
    ExpressionParser parser() {
        return parser;
    }

    // --- service activator -----------------------------------------------------------------------------------

    /** A service activator invoking the named method, or the one {@code @ServiceActivator} / public method. */
    public ServiceActivatingHandler serviceActivator(Object target, String methodName, ReplyProducerSettings settings) {
        return serviceActivator(activatorInvoker(target, methodName), settings);
    }

    /** A service activator invoking a method selected elsewhere; a {@code void} method never replies. */
    public ServiceActivatingHandler serviceActivator(HandlerMethodInvoker invoker, ReplyProducerSettings settings) {
        return new ServiceActivatingHandler(new MethodInvokingProcessor(prepared(invoker)), settings);
    }

    /** A service activator whose reply is the expression's value ({@code payload * 2}); {@code null}: no reply. */
    public ServiceActivatingHandler serviceActivator(String expression, ReplyProducerSettings settings) {
        return new ServiceActivatingHandler(expression(expression, settings.componentName()), settings);
    }

    // --- transformer -----------------------------------------------------------------------------------------

    /** A transformer whose result is what the method returns; the method must not be {@code void}. */
    public MessageTransformingHandler transformer(Object target, String methodName, ReplyProducerSettings settings) {
        return transformer(invoker(target).methodName(methodName).build(), settings);
    }

    /** A transformer over a method selected elsewhere; the method must not be {@code void}. */
    public MessageTransformingHandler transformer(HandlerMethodInvoker invoker, ReplyProducerSettings settings) {
        HandlerMethods.requireResult(invoker, "a transformer");
        return new MessageTransformingHandler(new MethodInvokingProcessor(prepared(invoker)), settings);
    }

    /** A transformer whose result is the expression's value. */
    public MessageTransformingHandler transformer(String expression, ReplyProducerSettings settings) {
        return new MessageTransformingHandler(expression(expression, settings.componentName()), settings);
    }

    // --- filter ----------------------------------------------------------------------------------------------

    /**
     * A filter asking a method that returns {@code boolean}.
     *
     * @param discardChannel   where rejected messages go, or {@code null}
     * @param throwOnRejection whether a rejection is an error (after the discard channel, if any)
     */
    MessageFilter filter(Object target, String methodName, MessageChannel discardChannel,
            boolean throwOnRejection, ReplyProducerSettings settings) {
        return filter(invoker(target).methodName(methodName).build(), discardChannel, throwOnRejection, settings);
    }

    /** A filter asking a method selected elsewhere; it must return {@code boolean}. */
    public MessageFilter filter(HandlerMethodInvoker invoker, MessageChannel discardChannel, boolean throwOnRejection,
            ReplyProducerSettings settings) {
        return new MessageFilter(new MethodInvokingSelector(prepared(invoker)), discardChannel, throwOnRejection,
                settings);
    }

    /** A filter accepting the messages for which the expression is true ({@code payload > 10}). */
    public MessageFilter filter(String expression, MessageChannel discardChannel, boolean throwOnRejection,
            ReplyProducerSettings settings) {
        return new MessageFilter(new ExpressionSelector(parser.parse(expression, endpoint(settings.componentName()))),
                discardChannel, throwOnRejection, settings);
    }

    // --- router ----------------------------------------------------------------------------------------------

    /**
     * A router asking a method where each message goes: it returns a channel, a channel name or mapping key, or
     * a collection or array of those.
     */
    MessageRouter router(Object target, String methodName, RouterSettings settings) {
        return router(invoker(target).methodName(methodName).build(), settings);
    }

    /** A router over a method selected elsewhere; the method must not be {@code void}. */
    public MessageRouter router(HandlerMethodInvoker invoker, RouterSettings settings) {
        HandlerMethods.requireResult(invoker, "a router");
        return router(new MethodInvokingProcessor(prepared(invoker)), settings);
    }

    /** A router whose destinations are the expression's value ({@code headers['region']}). */
    public MessageRouter router(String expression, RouterSettings settings) {
        return router(expression(expression, settings.componentName()), settings);
    }

    /** A router whose destinations are what the processor computes (a lambda of one's own). */
    public MessageRouter router(MessageProcessor<?> keys, RouterSettings settings) {
        return new MessageRouter(settings.componentName(), keys, settings.channelMapping(), settings.resolver(),
                settings.defaultOutputChannel(), settings.resolutionRequired(), settings.order());
    }

    // --- outbound channel adapter ----------------------------------------------------------------------------

    /**
     * An outbound channel adapter invoking a {@code void} method with each message (see
     * {@link OutboundAdapterHandler} for why a method that returns something is refused).
     */
    OutboundAdapterHandler outboundAdapter(Object target, String methodName) {
        return outboundAdapter(activatorInvoker(target, methodName));
    }

    /** An outbound channel adapter over a {@code void} method selected elsewhere. */
    OutboundAdapterHandler outboundAdapter(HandlerMethodInvoker invoker) {
        return OutboundAdapterHandler.forMethod(prepared(invoker));
    }

    /** An outbound channel adapter evaluating the expression for each message; its value is ignored. */
    OutboundAdapterHandler outboundAdapter(String expression) {
        return OutboundAdapterHandler.forExpression(parser.parse(expression, "an outbound channel adapter"));
    }

    // --- logging channel adapter -----------------------------------------------------------------------------

    /**
     * A logging channel adapter.
     *
     * @param level          the level, {@code null} for INFO
     * @param loggerName     the logger, {@code null} for {@value LoggingHandler#DEFAULT_LOGGER_NAME}
     * @param expression     what to log ({@code payload.customer.name}), or {@code null} for the payload or the
     *                       whole message
     * @param logFullMessage whether to log the whole message, headers included (not with an expression)
     * @throws IllegalStateException when both an expression and {@code logFullMessage} are given
     */
    public LoggingHandler logging(Level level, String loggerName, String expression, boolean logFullMessage) {
        LoggingHandler.Builder builder = LoggingHandler.builder().logFullMessage(logFullMessage);
        if (level != null) {
            builder.level(level);
        }
        if (loggerName != null) {
            builder.loggerName(loggerName);
        }
        if (expression != null) {
            builder.expression(ExpressionEvaluatingProcessor.of(parser.parse(expression, "a logging channel adapter")));
        }
        return builder.build();
    }

    /** An endpoint's expression: its evaluation failures name the endpoint. */
    private ExpressionEvaluatingProcessor<Object> expression(String expressionText, String componentName) {
        return ExpressionEvaluatingProcessor.of(parser.parse(expressionText, endpoint(componentName)));
    }

    private static String endpoint(String componentName) {
        return "endpoint '" + componentName + "'";
    }

    private HandlerMethodInvoker activatorInvoker(Object target, String methodName) {
        return invoker(target).methodName(methodName).marker(ServiceActivator.class).build();
    }

    /** Parses the method's {@code @Payload} expressions now, so that syntax errors surface at build time. */
    private HandlerMethodInvoker prepared(HandlerMethodInvoker invoker) {
        payloadExpressions.prepare(invoker.getMethod());
        return invoker;
    }

    @Override
    public String toString() {
        return "Handlers[" + parser + "]";
    }
}

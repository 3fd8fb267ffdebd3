package dev.junction.impl.gateway;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.gateway.MethodArgsMessageMapper;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.support.ChannelResolver;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Implements a gateway interface with a {@link Proxy}: each call becomes a request message sent to a channel,
 * and the reply becomes the return value. Configuration comes from {@link MessagingGateway @MessagingGateway}
 * and {@link Gateway @Gateway}; the builder can set or override the gateway-wide defaults, so a plain interface
 * without annotations works as well.
 *
 * <pre>{@code
 * Cafe cafe = GatewayProxyFactory.builder(Cafe.class)
 *         .channelResolver(channels)                       // resolves the channel names of the annotations
 *         .defaultReplyTimeout(Duration.ofSeconds(5))      // overrides @MessagingGateway(defaultReplyTimeout)
 *         .create();
 * Receipt receipt = cafe.pay(order);
 * GatewayProxyFactory.close(cafe);                         // when the application stops
 * }</pre>
 *
 * <p>{@link Builder#create()} reads every method once and checks everything it can: argument mapping, header
 * and payload expressions (parsed there, once), channel names, timeouts, return types. All problems are
 * reported together in one {@link InvalidGatewayException}; a gateway that was created does not fail later for
 * a reason its signature shows.
 *
 * <p><b>Async executor.</b> Methods returning {@code Future}, {@code CompletableFuture} or
 * {@code CompletionStage} run on an executor: one given to {@link Builder#asyncExecutor(Executor)} (its owner
 * shuts it down), one named by {@link MessagingGateway#asyncExecutor()} and found through
 * {@link Builder#executorLookup(Function)}, or else a default one the gateway creates only when it has such
 * methods (a cached pool of daemon threads named after the gateway), which {@link #close(Object)} shuts down.
 * {@link Builder#noAsyncExecutor()} (or {@link MessagingGateway#NO_ASYNC_EXECUTOR}) runs them in the caller's
 * thread instead, and the flow must then reply with the future.
 *
 * <p><b>Lifecycle.</b> A gateway with an explicit reply channel subscribes a bridge to it; {@link #close(Object)}
 * (or {@code close()} on an interface that extends {@link AutoCloseable}) unsubscribes it and shuts down the
 * gateway's own executor. A proxy is thread-safe and meant to be shared.
 */
public final class GatewayProxyFactory {

    private GatewayProxyFactory() {
    }

    /**
     * @param serviceInterface the interface to implement
     * @param <T> the interface type
     * @return a builder for a proxy of that interface
     */
    public static <T> Builder<T> builder(Class<T> serviceInterface) {
        return new Builder<>(serviceInterface);
    }

    /**
     * Releases what a gateway proxy holds: unsubscribes its reply bridges and shuts down the executor it created
     * (calls in progress finish). Calls made afterwards throw {@link IllegalStateException}. Idempotent.
     *
     * @param proxy a proxy this factory created
     * @return {@code true} when it was a gateway proxy (now closed), {@code false} for any other object
     */
    public static boolean close(Object proxy) {
        GatewayInvocationHandler handler = handlerOf(proxy);
        if (handler == null) {
            return false;
        }
        handler.close();
        return true;
    }

    /**
     * Makes a gateway refuse new calls, for an application that is stopping: each call made afterwards throws a
     * {@code MessagingException} with code {@code JNC-0424} before sending anything, while calls in progress
     * finish (see {@link #callsInProgress(Object)}). {@link #close(Object)} still releases the gateway afterwards.
     *
     * @return {@code true} when it was a gateway proxy, {@code false} for any other object
     */
    public static boolean refuseNewCalls(Object proxy) {
        GatewayInvocationHandler handler = handlerOf(proxy);
        if (handler == null) {
            return false;
        }
        handler.refuseNewCalls();
        return true;
    }

    /** @return the calls of a gateway proxy in progress now; 0 for any other object */
    public static long callsInProgress(Object proxy) {
        GatewayInvocationHandler handler = handlerOf(proxy);
        return handler == null ? 0 : handler.callsInProgress();
    }

    /** @return whether the object is a gateway proxy created by this factory */
    public static boolean isGateway(Object candidate) {
        return handlerOf(candidate) != null;
    }

    private static GatewayInvocationHandler handlerOf(Object candidate) {
        if (candidate == null || !Proxy.isProxyClass(candidate.getClass())) {
            return null;
        }
        InvocationHandler handler = Proxy.getInvocationHandler(candidate);
        return handler instanceof GatewayInvocationHandler gateway ? gateway : null;
    }

    /**
     * Configures and creates one gateway proxy. Only the interface is required; a gateway whose annotations
     * name channels also needs a {@link #channelResolver(ChannelResolver)}. Settings here override the
     * gateway-wide attributes of {@link MessagingGateway}; per-method {@link Gateway} settings still win over
     * both.
     *
     * @param <T> the interface type
     */
    public static final class Builder<T> {
        // read by GatewayAssembler and GatewayDefaults when the gateway is created
        final Class<T> serviceInterface;
        ChannelResolver channelResolver;
        ExpressionParser expressionParser = ExpressionParser.standard();
        ConversionRegistry conversions = ConversionRegistry.empty();
        MethodArgsMessageMapper argsMapper;
        Executor asyncExecutor;
        boolean asyncExecutorDisabled;
        Executor defaultAsyncExecutor;
        Function<String, ? extends Executor> executorLookup;

        // overrides of the gateway-wide defaults
        String name;
        MessageChannel requestChannel;
        String requestChannelName;
        MessageChannel replyChannel;
        String replyChannelName;
        MessageChannel errorChannel;
        String errorChannelName;
        boolean requestTimeoutSet;
        Duration requestTimeout;
        boolean replyTimeoutSet;
        Duration replyTimeout;
        final List<HeaderSpec> headers = new ArrayList<>();
        String payloadExpression;

        private Builder(Class<T> serviceInterface) {
            this.serviceInterface = Objects.requireNonNull(serviceInterface, "serviceInterface");
        }

        /** Resolves the channel names used by the annotations and the builder (a {@code ChannelRegistry}). */
        public Builder<T> channelResolver(ChannelResolver resolver) {
            this.channelResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Parses header and payload expressions; pass a parser with an extra resolver to let expressions name
         * beans. Default: {@link ExpressionParser#standard()}.
         */
        public Builder<T> expressionParser(ExpressionParser parser) {
            this.expressionParser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /** Converts reply payloads to return types they are not already. Default: no converters. */
        public Builder<T> conversionRegistry(ConversionRegistry registry) {
            this.conversions = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Replaces the argument-mapping conventions for every method. Must not be combined with payload
         * expressions or configured headers (reported by {@link #create()}).
         */
        Builder<T> argsMapper(MethodArgsMessageMapper mapper) {
            this.argsMapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** Runs asynchronous methods on this executor; its owner, not the gateway, shuts it down. */
        Builder<T> asyncExecutor(Executor executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "executor");
            this.asyncExecutorDisabled = false;
            return this;
        }

        /**
         * Runs asynchronous methods on this executor unless the interface chooses otherwise: an executor its
         * {@link MessagingGateway#asyncExecutor()} names, or none ({@link MessagingGateway#NO_ASYNC_EXECUTOR}). A
         * runtime shares one such executor among its gateways; its owner shuts it down.
         */
        public Builder<T> defaultAsyncExecutor(Executor executor) {
            this.defaultAsyncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Runs asynchronous methods in the caller's thread; the flow must reply with the future to return. */
        Builder<T> noAsyncExecutor() {
            this.asyncExecutor = null;
            this.asyncExecutorDisabled = true;
            return this;
        }

        /**
         * Finds the executor {@link MessagingGateway#asyncExecutor()} names; returns {@code null} for an unknown
         * name. Not needed when the annotation names none or {@link #asyncExecutor(Executor)} is used.
         */
        public Builder<T> executorLookup(Function<String, ? extends Executor> lookup) {
            this.executorLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** The gateway's name in logs, thread names and errors. */
        Builder<T> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Overrides {@link MessagingGateway#defaultRequestChannel()}. */
        Builder<T> defaultRequestChannel(MessageChannel channel) {
            this.requestChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** Overrides {@link MessagingGateway#defaultRequestChannel()} with a name to resolve. */
        Builder<T> defaultRequestChannel(String channelName) {
            this.requestChannelName = Objects.requireNonNull(channelName, "channelName");
            return this;
        }

        /** Overrides {@link MessagingGateway#defaultReplyChannel()}. */
        Builder<T> defaultReplyChannel(MessageChannel channel) {
            this.replyChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** Overrides {@link MessagingGateway#defaultReplyChannel()} with a name to resolve. */
        Builder<T> defaultReplyChannel(String channelName) {
            this.replyChannelName = Objects.requireNonNull(channelName, "channelName");
            return this;
        }

        /** Overrides {@link MessagingGateway#errorChannel()}. */
        Builder<T> errorChannel(MessageChannel channel) {
            this.errorChannel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** Overrides {@link MessagingGateway#errorChannel()} with a name to resolve. */
        Builder<T> errorChannel(String channelName) {
            this.errorChannelName = Objects.requireNonNull(channelName, "channelName");
            return this;
        }

        /**
         * Overrides {@link MessagingGateway#defaultRequestTimeout()}.
         *
         * @param timeout {@code null} for unbounded, {@link Duration#ZERO} for not waiting at all
         */
        Builder<T> defaultRequestTimeout(Duration timeout) {
            this.requestTimeout = checked(timeout);
            this.requestTimeoutSet = true;
            return this;
        }

        /**
         * Overrides {@link MessagingGateway#defaultReplyTimeout()}.
         *
         * @param timeout {@code null} for unbounded, {@link Duration#ZERO} for not waiting at all
         */
        Builder<T> defaultReplyTimeout(Duration timeout) {
            this.replyTimeout = checked(timeout);
            this.replyTimeoutSet = true;
            return this;
        }

        /** Adds a default header with a fixed value, replacing an annotated default header of that name. */
        Builder<T> defaultHeader(String name, Object value) {
            headers.add(new HeaderSpec(name, Objects.requireNonNull(value, "value"), ""));
            return this;
        }

        /** Adds a default header computed by an expression, replacing an annotated default header of that name. */
        Builder<T> defaultHeaderExpression(String name, String expression) {
            headers.add(new HeaderSpec(name, "", Objects.requireNonNull(expression, "expression")));
            return this;
        }

        /** Overrides {@link MessagingGateway#defaultPayloadExpression()}. */
        Builder<T> defaultPayloadExpression(String expression) {
            this.payloadExpression = Objects.requireNonNull(expression, "expression");
            return this;
        }

        /**
         * Inspects the interface and creates the proxy.
         *
         * @return the gateway proxy
         * @throws InvalidGatewayException listing every problem of the interface and its configuration
         */
        public T create() {
            return GatewayAssembler.assemble(this);
        }

        private static Duration checked(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException(GatewayRule.INVALID_TIMEOUT.code() + " timeout must not be"
                        + " negative: " + timeout + "; use null for unbounded");
            }
            return timeout;
        }
    }
}

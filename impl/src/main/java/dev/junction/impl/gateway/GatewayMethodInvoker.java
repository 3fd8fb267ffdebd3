package dev.junction.impl.gateway;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.core.TemporaryReplyChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Carries out the calls of one gateway method, from its {@link GatewayMethodMetadata} and the resources the
 * gateway bound to it. Everything that can be decided per method was decided when the gateway was created; a
 * call maps its arguments, exchanges messages and converts the reply.
 *
 * <p>Arguments are always mapped in the caller's thread, so invalid arguments fail the call itself, even for an
 * asynchronous method, and the arguments are not read after the method returned.
 */
final class GatewayMethodInvoker {

    private final GatewayMethodMetadata metadata;
    private final MethodExchange exchange;
    private final ErrorFlow errors;
    private final ConversionRegistry conversions;
    private final Executor executor;
    private final DeclaredExceptions declaredExceptions;

    /** @param executor runs asynchronous calls; {@code null} unless the method is asynchronous */
    GatewayMethodInvoker(GatewayMethodMetadata metadata, MethodExchange exchange, ErrorFlow errors,
            ConversionRegistry conversions, Executor executor) {
        this.metadata = metadata;
        this.exchange = exchange;
        this.errors = errors;
        this.conversions = conversions;
        this.executor = executor;
        this.declaredExceptions = new DeclaredExceptions(metadata.method());
    }

    Object invoke(Object[] args) throws Throwable {
        MessageBuilder<?> request = metadata.kind() == GatewayMethodMetadata.Kind.RECEIVE_ONLY ? null
                : metadata.mapper().toRequest(args);
        return switch (metadata.shape().async()) {
            case NONE -> waitForValue(request);
            case EXECUTOR -> submit(request);
            case FLOW_RETURNS_FUTURE -> futureFromFlow(request);
        };
    }

    private Object waitForValue(MessageBuilder<?> request) throws Throwable {
        CallResult result;
        try {
            result = call(request);
        } catch (MessagingException failure) {
            throw declaredExceptions.forCaller(failure);
        }
        return metadata.shape().syncValue(result, exchange.replyTimeout(), conversions);
    }

    private Object submit(MessageBuilder<?> request) {
        GatewayFuture future = new GatewayFuture();
        try {
            executor.execute(() -> future.run(
                    () -> metadata.shape().asyncValue(call(request), exchange.replyTimeout(), conversions)));
        } catch (RejectedExecutionException rejected) {
            future.completeExceptionally(new MessageDeliveryException(null, metadata.label()
                    + ": the gateway's async executor rejected the call: " + rejected.getMessage(), rejected));
        }
        return future;
    }

    private Object futureFromFlow(MessageBuilder<?> request) {
        try {
            return metadata.shape().flowFuture(call(request), exchange.replyTimeout());
        } catch (MessagingException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * Exchanges the messages of one call.
     *
     * @param request the mapped request, {@code null} for a method that only receives
     * @throws MessagingException when the flow failed and the gateway has no error channel
     */
    private CallResult call(MessageBuilder<?> request) {
        return switch (metadata.kind()) {
            case SEND_ONLY -> sendOneWay(request);
            case SEND_AND_RECEIVE -> sendAndReceive(request);
            case RECEIVE_ONLY -> receive();
        };
    }

    private CallResult sendOneWay(MessageBuilder<?> request) {
        Message<?> message = exchange.oneWayRequest(request);
        try {
            exchange.send(message);
        } catch (RuntimeException failure) {
            errors.handleOneWay(failure, message, exchange, metadata.label());
        }
        return CallResult.noReply(message);
    }

    private CallResult sendAndReceive(MessageBuilder<?> request) {
        TemporaryReplyChannel replies = new TemporaryReplyChannel(metadata.label());
        Message<?> message = exchange.requestReplyRequest(request, replies);
        Message<?> reply;
        try {
            reply = exchange.sendAndReceive(message, replies);
        } catch (RuntimeException failure) {
            return errors.handle(failure, message, exchange, metadata.label());
        }
        return answer(message, reply);
    }

    private CallResult receive() {
        return answer(null, exchange.receive());
    }

    private CallResult answer(Message<?> request, Message<?> reply) {
        if (reply == null) {
            return CallResult.timedOut(request);
        }
        if (reply instanceof ErrorMessage error) {
            return errors.handle(error.getPayload(), error.getOriginalMessage().orElse(request), exchange,
                    metadata.label());
        }
        return CallResult.reply(request, reply);
    }

    @Override
    public String toString() {
        return "GatewayMethodInvoker[" + metadata.label() + "]";
    }
}

package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.IdempotentReceiverSpec;
import dev.junction.api.advice.MessageKeyStrategy;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.store.InMemoryMetadataStore;
import java.lang.System.Logger.Level;

/**
 * The advice of {@link IdempotentReceiverSpec}: records each message's key with {@code putIfAbsent} before the
 * handling, so that of the messages sharing a key only the first is handled as usual. Its settings are checked, its
 * expressions parsed and its discard channel resolved for each endpoint ({@link #forEndpoint}).
 */
final class IdempotentReceiverAdvice implements HandlerAdvice {

    private static final System.Logger LOG = System.getLogger(IdempotentReceiverAdvice.class.getName());
    private static final String ADVICE = "idempotent receiver";

    private final Settings spec;
    /** The spec's store, else this advice's own in memory: shared by the endpoints it advises. */
    private final ConcurrentMetadataStore store;

    /** Copies the builder's settings: changing the builder afterwards changes no advice it built. */
    IdempotentReceiverAdvice(IdempotentReceiverSpec spec) {
        this.spec = new Settings(spec.getKeyExpression(), spec.getKeyStrategy(), spec.getValueExpression(),
                spec.getValueStrategy(), spec.getDiscardChannel(), spec.isThrowExceptionOnRejection(),
                spec.isRemoveKeyOnFailure());
        this.store = spec.getStore() != null ? spec.getStore() : new InMemoryMetadataStore();
    }

    private record Settings(String keyExpression, MessageKeyStrategy keyStrategy, String valueExpression,
            MessageKeyStrategy valueStrategy, String discardChannel, boolean throwOnRejection,
            boolean removeKeyOnFailure) {
    }

    /**
     * @throws IllegalStateException JNC-0940 without a key, JNC-0941 with two ways to compute the key or the value,
     *         JNC-0942 for an invalid expression, JNC-0943 for an unknown discard channel
     */
    @Override
    public HandlerAdvice forEndpoint(Target target) {
        AdviceContext context = AdviceContext.of(target, this);
        String endpoint = context.endpointId();
        if (spec.keyExpression() == null && spec.keyStrategy() == null) {
            throw new IllegalStateException("JNC-0940 The " + ADVICE + " of endpoint '" + endpoint + "' has no key:"
                    + " give a key expression (Advices.idempotentReceiver().key(\"payload.orderId\"),"
                    + " @IdempotentReceiver(key = \"payload.orderId\")) or a key strategy (keyStrategy(...), a @Named"
                    + " MessageKeyStrategy bean under CDI)");
        }
        if (spec.keyExpression() != null && spec.keyStrategy() != null) {
            throw twoWays(endpoint, "key", spec.keyExpression());
        }
        if (spec.valueExpression() != null && spec.valueStrategy() != null) {
            throw twoWays(endpoint, "value", spec.valueExpression());
        }
        MessageChannel discard = null;
        if (spec.discardChannel() != null) {
            try {
                discard = context.channels().resolve(spec.discardChannel());
            } catch (RuntimeException unknown) {
                throw new IllegalStateException("JNC-0943 The " + ADVICE + " of endpoint '" + endpoint + "' names the"
                        + " discard channel '" + spec.discardChannel() + "', which is not declared; declare the channel"
                        + " or correct the name", unknown);
            }
        }
        return new Bound(endpoint, store, computation(context, spec.keyExpression(), spec.keyStrategy(), "key"),
                computation(context, spec.valueExpression(), spec.valueStrategy(), "value"), discard,
                spec.throwOnRejection(), spec.removeKeyOnFailure());
    }

    private static IllegalStateException twoWays(String endpoint, String what, String expression) {
        return new IllegalStateException("JNC-0941 The " + ADVICE + " of endpoint '" + endpoint + "' has both a "
                + what + " expression ('" + expression + "') and a " + what + " strategy; keep one of them");
    }

    /** @return how the key or the value is computed; {@code null} for a value computed by default */
    private static MessageKeyStrategy computation(AdviceContext context, String expression,
            MessageKeyStrategy strategy, String what) {
        if (strategy != null) {
            return strategy;
        }
        if (expression == null) {
            return null;
        }
        Expression parsed;
        try {
            parsed = context.parser().parse(expression, "the " + what + " expression of the " + ADVICE
                    + " of endpoint '" + context.endpointId() + "'");
        } catch (ExpressionParseException invalid) {
            throw new IllegalStateException("JNC-0942 The " + what + " expression of the " + ADVICE + " of endpoint '"
                    + context.endpointId() + "' is not a valid expression: " + invalid.getMessage() + "; write an"
                    + " expression over payload, headers and message, such as payload.orderId", invalid);
        }
        return message -> {
            Object value = parsed.evaluate(message);
            return value == null ? null : value.toString();
        };
    }

    /** Only the advices this one serves for each endpoint ({@link #forEndpoint}) handle messages. */
    @Override
    public Object around(Execution execution) {
        throw new IllegalStateException(this + " serves each endpoint with an advice of its own: give it to an"
                + " endpoint's advice chain, which asks it for that advice (forEndpoint)");
    }

    @Override
    public String toString() {
        return "IdempotentReceiver[key=" + (spec.keyExpression() != null ? spec.keyExpression() : spec.keyStrategy())
                + ", store=" + store + "]";
    }

    /** The advice serving one endpoint. */
    private record Bound(String endpointId, ConcurrentMetadataStore store, MessageKeyStrategy key,
            MessageKeyStrategy value, MessageChannel discardChannel, boolean throwOnRejection,
            boolean removeKeyOnFailure) implements HandlerAdvice {

        @Override
        public Object around(Execution execution) throws Exception {
            Message<?> message = execution.message();
            String messageKey = required(key.apply(message), "key", message);
            String stored = required(value == null ? String.valueOf(message.getHeaders().getTimestamp())
                    : value.apply(message), "value", message);
            String earlier = store.putIfAbsent(messageKey, stored);
            if (earlier == null) {
                return firstReceipt(execution, messageKey);
            }
            return duplicate(execution, messageKey, earlier);
        }

        private Object firstReceipt(Execution execution, String messageKey) throws Exception {
            if (!removeKeyOnFailure) {
                return execution.proceed();
            }
            try {
                return execution.proceed();
            } catch (Exception | Error failure) {
                try {
                    store.remove(messageKey);
                    LOG.log(Level.DEBUG, () -> "Endpoint '" + endpointId + "' failed to handle the message of key '"
                            + messageKey + "'; the key is removed, so the message may be received again");
                } catch (RuntimeException removal) {
                    failure.addSuppressed(removal);
                }
                throw failure;
            }
        }

        private Object duplicate(Execution execution, String messageKey, String earlier) throws Exception {
            Message<?> message = execution.message();
            LOG.log(Level.DEBUG, () -> "Endpoint '" + endpointId + "' received a duplicate of key '" + messageKey
                    + "' (first received with value '" + earlier + "'): " + message);
            if (discardChannel != null && !discardChannel.send(message)) {
                throw new MessageDeliveryException(message, "The " + ADVICE + " of endpoint '" + endpointId
                        + "' could not send a duplicate to its discard channel '" + discardChannel.getName() + "'");
            }
            if (throwOnRejection) {
                throw new MessageRejectedException(message, "JNC-0944 The " + ADVICE + " of endpoint '" + endpointId
                        + "' rejected a duplicate message: its key '" + messageKey + "' was received before (stored"
                        + " value '" + earlier + "')");
            }
            if (discardChannel != null) {
                return null;
            }
            Message<?> marked = MessageBuilder.fromMessage(message).setHeader(MessageHeaders.DUPLICATE_MESSAGE, true)
                    .build();
            return markedResult(execution.proceed(marked));
        }

        /** A reply is built from the request's headers: the result carries the mark itself to travel with it. */
        private static Object markedResult(Object result) {
            if (result == null) {
                return null;
            }
            if (result instanceof Message<?> reply) {
                return Boolean.TRUE.equals(reply.getHeaders().get(MessageHeaders.DUPLICATE_MESSAGE)) ? reply
                        : MessageBuilder.fromMessage(reply).setHeader(MessageHeaders.DUPLICATE_MESSAGE, true).build();
            }
            return MessageBuilder.withPayload(result).setHeader(MessageHeaders.DUPLICATE_MESSAGE, true).build();
        }

        private String required(String computed, String what, Message<?> message) {
            if (computed == null) {
                throw new MessageHandlingException(message, "JNC-0945 The " + ADVICE + " of endpoint '" + endpointId
                        + "' computed no " + what + " (null) for the message; make the " + what + " expression or"
                        + " strategy give a value for every message, or filter out the messages without one first");
            }
            return computed;
        }
    }
}

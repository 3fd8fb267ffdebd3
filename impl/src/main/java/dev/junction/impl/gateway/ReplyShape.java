package dev.junction.impl.gateway;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.convert.ConversionException;
import dev.junction.impl.convert.ConversionRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * What a method returns, read once from its signature, and how a reply becomes that value.
 *
 * <ul>
 * <li>{@code void}: nothing; the method only sends.</li>
 * <li>{@code Message} (or a subtype): the whole reply message.</li>
 * <li>any other type: the reply's payload, converted to the type through the {@link ConversionRegistry} when it
 * is not one already. No reply returns {@code null}; for a primitive type, which cannot say "nothing", a
 * timed-out wait throws {@link MessageTimeoutException} instead.</li>
 * <li>{@code Future}, {@code CompletableFuture} or {@code CompletionStage}: the call runs on the gateway's
 * executor and the future completes with the value of the element type (the rules above; {@code Void}
 * completes once the request was sent); a timed-out wait or a failure completes it exceptionally. Without an
 * executor the flow runs in the caller's thread and must reply with the future itself. Other {@code Future}
 * types are ordinary return types: the flow replies with one.</li>
 * </ul>
 */
final class ReplyShape {

    /** How the method's caller gets its value. */
    enum Async {
        /** The caller waits and gets the value. */
        NONE,
        /** The call runs on the gateway's executor; the caller gets a future at once. */
        EXECUTOR,
        /** No executor: the flow runs in the caller's thread and replies with the future to return. */
        FLOW_RETURNS_FUTURE
    }

    private final String label;
    private final Class<?> returnType;
    private final Async async;
    private final Class<?> valueType;
    private final boolean wholeMessage;
    private final boolean noValue;

    private ReplyShape(String label, Class<?> returnType, Async async, Class<?> valueType) {
        this.label = label;
        this.returnType = returnType;
        this.async = async;
        this.valueType = valueType;
        this.wholeMessage = Message.class.isAssignableFrom(valueType);
        this.noValue = valueType == void.class || valueType == Void.class;
    }

    /**
     * @param executorAvailable whether the gateway has an executor for asynchronous methods
     */
    static ReplyShape of(Method method, boolean executorAvailable) {
        Class<?> returnType = method.getReturnType();
        String label = Methods.label(method);
        if (!isAsyncType(returnType)) {
            return new ReplyShape(label, returnType, Async.NONE, returnType);
        }
        if (!executorAvailable) {
            return new ReplyShape(label, returnType, Async.FLOW_RETURNS_FUTURE, returnType);
        }
        return new ReplyShape(label, returnType, Async.EXECUTOR, elementType(method.getGenericReturnType()));
    }

    private static boolean isAsyncType(Class<?> type) {
        return type == Future.class || type == CompletableFuture.class || type == CompletionStage.class;
    }

    /** @return the erased type argument of {@code Future<X>}; {@code Object} when raw or unknown */
    private static Class<?> elementType(Type futureType) {
        if (!(futureType instanceof ParameterizedType parameterized)) {
            return Object.class;
        }
        return erase(parameterized.getActualTypeArguments()[0]);
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            return erase(variable.getBounds()[0]);
        }
        return Object.class; // generic arrays: no conversion beyond what the payload already is
    }

    Async async() {
        return async;
    }

    /** @return whether the caller expects no value: {@code void}, or a future of {@code Void} */
    boolean noValue() {
        return noValue;
    }

    /**
     * The value a caller waiting in its own thread gets.
     *
     * @throws MessageTimeoutException when the wait timed out and the return type is primitive
     * @throws MessagingException when the reply cannot be converted, or no reply came for a primitive type
     */
    Object syncValue(CallResult result, Duration replyTimeout, ConversionRegistry conversions) {
        if (result.reply() != null) {
            return value(result.reply(), conversions);
        }
        if (noValue || !valueType.isPrimitive()) {
            return null;
        }
        if (result.timedOut()) {
            throw timeout(result, replyTimeout, " " + label + " returns " + valueType.getName()
                    + ", which cannot say 'no reply' with null; declare the wrapper type to get null instead");
        }
        throw new MessagingException(result.request(), label + " returns " + valueType.getName()
                + " but the call produced no reply (the error flow answered nothing)");
    }

    /**
     * The value an asynchronous call completes its future with.
     *
     * @throws MessageTimeoutException when the wait timed out
     */
    Object asyncValue(CallResult result, Duration replyTimeout, ConversionRegistry conversions) {
        if (result.timedOut() && !noValue) {
            throw timeout(result, replyTimeout, "");
        }
        return result.reply() == null || noValue ? null : value(result.reply(), conversions);
    }

    /** The future a flow that runs in the caller's thread replied with, or a future failed with the reason. */
    Object flowFuture(CallResult result, Duration replyTimeout) {
        if (result.reply() == null) {
            return result.timedOut() ? CompletableFuture.failedFuture(timeout(result, replyTimeout, ""))
                    : CompletableFuture.completedFuture(null);
        }
        Object payload = result.reply().getPayload();
        if (returnType.isInstance(payload)) {
            return payload;
        }
        return CompletableFuture.failedFuture(new MessagingException(result.reply(), label + " returns "
                + returnType.getSimpleName() + " and the gateway has no async executor, so the flow must reply with"
                + " a " + returnType.getName() + "; it replied with a " + payload.getClass().getName()));
    }

    private Object value(Message<?> reply, ConversionRegistry conversions) {
        if (wholeMessage) {
            if (!valueType.isInstance(reply)) {
                throw new MessagingException(reply, label + " returns " + valueType.getName()
                        + " but the reply is a " + reply.getClass().getName());
            }
            return reply;
        }
        Object payload = reply.getPayload();
        try {
            return conversions.convert(payload, valueType);
        } catch (ConversionException notConvertible) {
            throw new MessagingException(reply, label + ": the reply payload, a " + payload.getClass().getName()
                    + ", cannot be returned as " + valueType.getName() + ": " + notConvertible.getMessage()
                    + "; register a converter or change the return type", notConvertible);
        }
    }

    private MessageTimeoutException timeout(CallResult result, Duration replyTimeout, String detail) {
        return new MessageTimeoutException(result.request(), label + " received no reply within "
                + (replyTimeout == null ? "its (unbounded) reply timeout" : "its reply timeout of "
                + replyTimeout.toMillis() + " ms") + "." + detail);
    }
}

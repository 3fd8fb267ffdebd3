package dev.junction.impl.advice;

import dev.junction.api.advice.AdviceMessage;
import dev.junction.api.advice.ExpressionAdviceException;
import dev.junction.api.advice.ExpressionAdviceSpec;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.EvaluationRoot;
import dev.junction.impl.expression.Expression;
import java.util.HashMap;
import java.util.Map;

/** The advice of {@link ExpressionAdviceSpec}; its expressions are parsed and channels resolved per endpoint. */
final class ExpressionEvaluatingAdvice implements HandlerAdvice {

    private static final String ADVICE = "expression advice";

    private final Settings spec;

    /** Copies the builder's settings: changing the builder afterwards changes no advice it built. */
    ExpressionEvaluatingAdvice(ExpressionAdviceSpec spec) {
        this.spec = new Settings(spec.getOnSuccess(), spec.getSuccessChannel(), spec.getOnFailure(),
                spec.getFailureChannel(), spec.isTrapException(), spec.isReturnFailureExpressionResult());
    }

    private record Settings(String onSuccess, String successChannel, String onFailure, String failureChannel,
            boolean trapException, boolean returnFailureExpressionResult) {
    }

    @Override
    public HandlerAdvice forEndpoint(Target target) {
        AdviceContext context = AdviceContext.of(target, this);
        return new Bound(context.endpointId(),
                spec.onSuccess() == null ? null : context.expression(spec.onSuccess(), ADVICE,
                        "success expression"),
                spec.successChannel() == null ? null : context.channel(spec.successChannel(), ADVICE,
                        "success channel"),
                spec.onFailure() == null ? null : context.expression(spec.onFailure(), ADVICE,
                        "failure expression"),
                spec.failureChannel() == null ? null : context.channel(spec.failureChannel(), ADVICE,
                        "failure channel"),
                spec.trapException(), spec.returnFailureExpressionResult());
    }

    /** Only the advices this one serves for each endpoint ({@link #forEndpoint}) handle messages. */
    @Override
    public Object around(Execution execution) {
        throw new IllegalStateException(this + " serves each endpoint with an advice of its own: give it to an"
                + " endpoint's advice chain, which asks it for that advice (forEndpoint)");
    }

    @Override
    public String toString() {
        return "ExpressionAdvice[onSuccess=" + spec.onSuccess() + ", onFailure=" + spec.onFailure() + "]";
    }

    private record Bound(String endpointId, Expression onSuccess, MessageChannel successChannel, Expression onFailure,
            MessageChannel failureChannel, boolean trap, boolean returnFailureResult) implements HandlerAdvice {

        @Override
        public Object around(Execution execution) throws Exception {
            Message<?> message = execution.message();
            Object result;
            try {
                result = execution.proceed();
            } catch (Exception failure) {
                return failed(message, failure);
            }
            if (onSuccess != null) {
                Object value = onSuccess.evaluate(EvaluationRoot.of(variables(message, "result", result)));
                if (successChannel != null && value != null) {
                    send(successChannel, new AdviceMessage<>(value, message.getHeaders(), message), message);
                }
            }
            return result;
        }

        private Object failed(Message<?> message, Exception failure) throws Exception {
            if (onFailure == null) {
                if (trap) {
                    return null;
                }
                throw failure;
            }
            Object value;
            try {
                value = onFailure.evaluate(EvaluationRoot.of(variables(message, "exception", failure)));
            } catch (RuntimeException evaluationFailed) {
                evaluationFailed.addSuppressed(failure);
                throw evaluationFailed;
            }
            if (failureChannel != null) {
                ExpressionAdviceException payload = new ExpressionAdviceException(message, "Endpoint '" + endpointId
                        + "' failed to handle the message: " + failure.getMessage(), failure, value);
                send(failureChannel, new ErrorMessage(payload, message), message);
            }
            if (!trap) {
                throw failure;
            }
            return returnFailureResult ? value : null;
        }

        private static Map<String, Object> variables(Message<?> message, String name, Object value) {
            Map<String, Object> variables = new HashMap<>(8);
            variables.put("payload", message.getPayload());
            variables.put("headers", message.getHeaders());
            variables.put("message", message);
            variables.put(name, value);
            return variables;
        }

        private void send(MessageChannel channel, Message<?> advice, Message<?> message) {
            if (!channel.send(advice)) {
                throw new MessageDeliveryException(message, "The expression advice of endpoint '" + endpointId
                        + "' could not send to channel '" + channel.getName() + "'");
            }
        }
    }
}

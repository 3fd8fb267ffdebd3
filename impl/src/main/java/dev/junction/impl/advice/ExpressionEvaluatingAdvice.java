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
final class ExpressionEvaluatingAdvice implements EndpointBoundAdvice {

    private static final String ADVICE = "expression advice";

    private final ExpressionAdviceSpec spec;

    ExpressionEvaluatingAdvice(ExpressionAdviceSpec spec) {
        this.spec = spec;
    }

    @Override
    public HandlerAdvice bindTo(AdviceContext context) {
        return new Bound(context.endpointId(),
                spec.getOnSuccess() == null ? null : context.expression(spec.getOnSuccess(), ADVICE,
                        "success expression"),
                spec.getSuccessChannel() == null ? null : context.channel(spec.getSuccessChannel(), ADVICE,
                        "success channel"),
                spec.getOnFailure() == null ? null : context.expression(spec.getOnFailure(), ADVICE,
                        "failure expression"),
                spec.getFailureChannel() == null ? null : context.channel(spec.getFailureChannel(), ADVICE,
                        "failure channel"),
                spec.isTrapException(), spec.isReturnFailureExpressionResult());
    }

    @Override
    public String toString() {
        return "ExpressionAdvice[onSuccess=" + spec.getOnSuccess() + ", onFailure=" + spec.getOnFailure() + "]";
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

package dev.junction.impl.invoke;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;

/** Passes the value of a {@code @Payload("expression")}, converted to the parameter type when needed. */
final class PayloadExpressionArgument implements ArgumentResolver {

    private final String expression;
    private final PayloadExpressionEvaluator evaluator;
    private final Class<?> expectedType;
    private final ArgumentConversion conversion;
    private final String parameter;
    private final String what;
    private final String place;

    PayloadExpressionArgument(String expression, PayloadExpressionEvaluator evaluator, Class<?> expectedType,
                              ArgumentConversion conversion, String parameter) {
        this.expression = expression;
        this.evaluator = evaluator;
        this.expectedType = expectedType;
        this.conversion = conversion;
        this.parameter = parameter;
        this.what = "the value of @Payload(\"" + expression + "\")";
        this.place = "the @Payload expression of " + parameter;
    }

    @Override
    public Object resolve(Message<?> message) {
        Object value;
        try {
            value = evaluator.evaluate(expression, message, expectedType, place);
        } catch (MessagingException failed) {
            throw failed;
        } catch (RuntimeException failed) {
            throw new MessageHandlingException(message, "Evaluating @Payload(\"" + expression + "\") for " + parameter
                    + " failed: " + failed + Messages.identify(message), failed);
        }
        if (value == null) {
            if (expectedType.isPrimitive()) {
                throw new MessageHandlingException(message, "@Payload(\"" + expression + "\") evaluated to null, which "
                        + parameter + " (a " + expectedType.getName() + ") cannot take" + Messages.identify(message));
            }
            return null;
        }
        return conversion.convert(value, what, message);
    }
}

package dev.junction.impl.invoke;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;

/** Passes one header value, converted to the parameter type; a missing header is an error when required. */
final class HeaderArgument implements ArgumentResolver {

    private final String name;
    private final boolean required;
    private final ArgumentConversion conversion;
    private final String parameter;
    private final String what;

    HeaderArgument(String name, boolean required, ArgumentConversion conversion, String parameter) {
        this.name = name;
        this.required = required;
        this.conversion = conversion;
        this.parameter = parameter;
        this.what = "header '" + name + "'";
    }

    @Override
    public Object resolve(Message<?> message) {
        Object value = message.getHeaders().get(name);
        if (value == null) {
            if (required) {
                throw new MessageHandlingException(message, "Required header '" + name + "' is missing for "
                        + parameter + "; send it, or declare the parameter @Header(required = false) or Optional"
                        + Messages.identify(message));
            }
            return null;
        }
        return conversion.convert(value, what, message);
    }
}

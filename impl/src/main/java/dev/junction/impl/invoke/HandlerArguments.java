package dev.junction.impl.invoke;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.Payload;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.convert.ConversionRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, once per method, where each parameter's argument comes from, and builds the resolvers.
 *
 * <ul>
 *   <li>{@code Message} (or a subtype), unannotated: the message.</li>
 *   <li>{@code @Header}: the header named by the annotation or, by default, the parameter; converted to the
 *   parameter type. Required unless {@code required = false} (then {@code null}, not allowed for primitives) or
 *   the parameter is an {@code Optional<T>}.</li>
 *   <li>{@code @Headers}: all headers; the parameter must accept a {@code Map}.</li>
 *   <li>{@code @Payload}, or no annotation: the payload converted to the parameter type; with an expression, the
 *   expression's value. An {@code Optional<T>} parameter gets the value wrapped.</li>
 *   <li>An unannotated parameter typed {@code Map} (any type that accepts the headers map): the headers when
 *   another parameter takes the payload; when none does, the payload if the payload is such a map, the headers
 *   otherwise. Two such parameters without a payload parameter are ambiguous.</li>
 * </ul>
 * At most one parameter takes the payload.
 */
final class HandlerArguments {

    private HandlerArguments() {
    }

    /**
     * @param evaluator evaluates {@code @Payload} expressions, or {@code null} when there is none
     * @throws InvalidHandlerMethodException when a parameter cannot be mapped
     */
    static ArgumentResolver[] resolversFor(Method method, ConversionRegistry conversion,
                                           PayloadExpressionEvaluator evaluator) {
        Parameter[] parameters = method.getParameters();
        ArgumentResolver[] resolvers = new ArgumentResolver[parameters.length];
        List<Integer> payloadParameters = new ArrayList<>();
        List<Integer> bareMaps = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            String described = Signatures.parameter(method, i);
            Header header = parameter.getAnnotation(Header.class);
            Headers headers = parameter.getAnnotation(Headers.class);
            Payload payload = parameter.getAnnotation(Payload.class);
            int annotations = (header == null ? 0 : 1) + (headers == null ? 0 : 1) + (payload == null ? 0 : 1);
            if (annotations > 1) {
                throw new InvalidHandlerMethodException("JNC-0308 Only one of @Payload, @Header and @Headers may be"
                        + " on a parameter, but " + described + " has " + annotations + ". Keep the one you mean.");
            }
            Class<?> type = parameter.getType();
            if (header != null) {
                resolvers[i] = header(method, i, header, conversion, described);
            } else if (headers != null) {
                requireHeadersFit(type, described, "is annotated @Headers");
                resolvers[i] = HeadersArgument.INSTANCE;
            } else if (payload != null) {
                resolvers[i] = payload(parameter, payload.value(), conversion, evaluator, described);
                payloadParameters.add(i);
            } else if (Message.class.isAssignableFrom(type)) {
                resolvers[i] = new MessageArgument(type, described);
            } else if (Map.class.isAssignableFrom(type) && type.isAssignableFrom(MessageHeaders.class)) {
                bareMaps.add(i); // decided below, once it is known whether another parameter takes the payload
            } else {
                resolvers[i] = payload(parameter, "", conversion, evaluator, described);
                payloadParameters.add(i);
            }
        }
        if (payloadParameters.size() > 1) {
            throw new InvalidHandlerMethodException("JNC-0309 " + Signatures.qualified(method) + " has "
                    + payloadParameters.size() + " parameters that would take the payload ("
                    + names(method, payloadParameters) + "); only one can. Annotate the others with"
                    + " @Header(\"name\") or @Headers, or take the Message.");
        }
        if (!payloadParameters.isEmpty()) {
            bareMaps.forEach(i -> resolvers[i] = HeadersArgument.INSTANCE);
        } else if (bareMaps.size() == 1) {
            int i = bareMaps.get(0);
            resolvers[i] = new PayloadOrHeadersArgument(parameters[i].getType());
        } else if (bareMaps.size() > 1) {
            throw new InvalidHandlerMethodException("JNC-0310 " + Signatures.qualified(method) + " has "
                    + bareMaps.size() + " unannotated Map parameters (" + names(method, bareMaps) + ") and it is"
                    + " ambiguous which takes the payload and which the headers. Annotate them with @Payload and"
                    + " @Headers.");
        }
        return resolvers;
    }

    private static ArgumentResolver header(Method method, int index, Header header, ConversionRegistry conversion,
                                           String described) {
        Parameter parameter = method.getParameters()[index];
        String name = header.value().strip();
        if (name.isEmpty()) {
            if (!parameter.isNamePresent()) {
                throw new InvalidHandlerMethodException("JNC-0311 " + described + " is annotated @Header without a"
                        + " header name, and the parameter names were not compiled into the class. Give the name"
                        + " (@Header(\"name\")) or compile with -parameters.");
            }
            name = parameter.getName();
        }
        boolean optional = parameter.getType() == Optional.class;
        Class<?> valueType = optional ? optionalElement(parameter) : parameter.getType();
        if (!optional && !header.required() && valueType.isPrimitive()) {
            throw new InvalidHandlerMethodException("JNC-0312 " + described + " is @Header(value = \"" + name
                    + "\", required = false) but its type " + valueType.getName() + " cannot be null when the header"
                    + " is missing. Use the wrapper type or Optional, or make the header required.");
        }
        HeaderArgument value = new HeaderArgument(name, header.required() && !optional,
                new ArgumentConversion(valueType, conversion, described), described);
        return optional ? new OptionalArgument(value) : value;
    }

    private static ArgumentResolver payload(Parameter parameter, String expression, ConversionRegistry conversion,
                                            PayloadExpressionEvaluator evaluator, String described) {
        boolean optional = parameter.getType() == Optional.class;
        Class<?> valueType = optional ? optionalElement(parameter) : parameter.getType();
        ArgumentConversion toValueType = new ArgumentConversion(valueType, conversion, described);
        ArgumentResolver value;
        if (expression.isBlank()) {
            value = new PayloadArgument(toValueType);
        } else if (evaluator == null) {
            throw new InvalidHandlerMethodException("JNC-0313 " + described + " is @Payload(\"" + expression
                    + "\"), but this invoker was built without a payload expression evaluator. Supply one to the"
                    + " builder, or drop the expression and take the payload itself.");
        } else {
            value = new PayloadExpressionArgument(expression, evaluator, valueType, toValueType, described);
        }
        return optional ? new OptionalArgument(value) : value;
    }

    private static void requireHeadersFit(Class<?> type, String described, String why) {
        if (!type.isAssignableFrom(MessageHeaders.class)) {
            throw new InvalidHandlerMethodException("JNC-0314 " + described + " " + why + " but its type "
                    + type.getName() + " cannot take the headers. Declare it as Map<String, Object>.");
        }
    }

    /** @return {@code T} of an {@code Optional<T>} parameter; {@code Object} when it is a wildcard or type variable */
    private static Class<?> optionalElement(Parameter parameter) {
        Type generic = parameter.getParameterizedType();
        if (generic instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element instanceof Class<?> plain) {
                return plain;
            }
            if (element instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> raw) {
                return raw;
            }
        }
        return Object.class;
    }

    private static String names(Method method, List<Integer> indexes) {
        Parameter[] parameters = method.getParameters();
        List<String> names = new ArrayList<>();
        for (int i : indexes) {
            names.add(parameters[i].getType().getSimpleName() + " " + parameters[i].getName());
        }
        return String.join(", ", names);
    }
}

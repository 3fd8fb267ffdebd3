package dev.junction.impl.gateway;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.Payload;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, once per method, the role of each parameter, and reports signatures that cannot be mapped.
 *
 * <ul>
 * <li>A parameter annotated {@link Payload @Payload} is the payload (its expression, if any, sees the argument
 * as {@code arg}); at most one may be, and not together with {@code @Header} or {@code @Headers}.</li>
 * <li>{@link Header @Header} parameters become headers (named by the annotation, else by the parameter);
 * {@link Headers @Headers} parameters must be maps whose entries become headers.</li>
 * <li>Without an annotated payload and without a payload expression (the method's or the gateway's default), the
 * first unannotated parameter that is not a {@code Map} is the payload and an unannotated {@code Map} supplies
 * headers; a lone unannotated {@code Map} is the payload itself. Two unannotated maps are ambiguous, and so is
 * a second unannotated parameter that could be the payload.</li>
 * <li>With a payload expression, unannotated parameters only feed the expression ({@code args}); an unannotated
 * {@code Map} still supplies headers.</li>
 * </ul>
 */
final class ArgumentRoles {

    private final Method method;
    private final Problems problems;
    private int payloadIndex = -1;
    private String payloadExpressionText = "";
    private final List<Integer> plainParameters = new ArrayList<>();
    private final List<Integer> plainMaps = new ArrayList<>();
    private final List<HeaderContribution> mapHeaders = new ArrayList<>();
    private final List<HeaderContribution> argumentHeaders = new ArrayList<>();

    private ArgumentRoles(Method method, Problems problems) {
        this.method = method;
        this.problems = problems;
    }

    /** What the parameters contribute to the request. */
    record Roles(PayloadSource payload, List<HeaderContribution> mapHeaders, List<HeaderContribution> argumentHeaders,
                 boolean annotatedPayload) {
    }

    /**
     * @param expressionPayload the method's own or the gateway's default payload expression, or {@code null}
     * @param methodDefinesPayload whether the method itself has a payload expression (then an annotated payload
     *        parameter defines the payload twice; the gateway's default merely yields to it)
     * @return the roles; {@link Roles#payload()} is {@code null} when nothing provides a payload
     */
    static Roles analyze(Method method, PayloadSource expressionPayload, boolean methodDefinesPayload,
            ExpressionParser parser, Problems problems) {
        ArgumentRoles roles = new ArgumentRoles(method, problems);
        roles.classifyParameters();
        return roles.decide(expressionPayload, methodDefinesPayload, parser);
    }

    private void classifyParameters() {
        Parameter[] parameters = method.getParameters();
        Map<String, Integer> headerNames = new HashMap<>();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Payload payload = parameter.getAnnotation(Payload.class);
            Header header = parameter.getAnnotation(Header.class);
            Headers headers = parameter.getAnnotation(Headers.class);
            String which = Methods.parameter(method, i);
            if (payload != null && header != null) {
                problems.add(method, GatewayRule.PAYLOAD_AND_HEADER, which + " is annotated both @Payload and @Header;"
                        + " keep the one that says what the argument is");
            } else if (payload != null && headers != null) {
                problems.add(method, GatewayRule.PAYLOAD_AND_HEADERS, which + " is annotated both @Payload and"
                        + " @Headers; keep the one that says what the argument is");
            } else if (header != null && headers != null) {
                problems.add(method, GatewayRule.HEADER_AND_HEADERS, which + " is annotated both @Header and @Headers;"
                        + " a single header or a map of headers, not both");
            } else if (payload != null) {
                annotatedPayload(i, payload);
            } else if (header != null) {
                header(i, header, headerNames);
            } else if (headers != null) {
                headers(i);
            } else if (Map.class.isAssignableFrom(parameter.getType())) {
                plainMaps.add(i);
            } else {
                plainParameters.add(i);
            }
        }
    }

    private void annotatedPayload(int index, Payload payload) {
        if (payloadIndex >= 0) {
            problems.add(method, GatewayRule.TWO_PAYLOAD_PARAMETERS, Methods.parameter(method, payloadIndex) + " and "
                    + Methods.parameter(method, index) + " are both annotated @Payload; a message has one payload"
                    + " (make the other a @Header)");
            return;
        }
        payloadIndex = index;
        payloadExpressionText = payload.value();
    }

    private void header(int index, Header header, Map<String, Integer> headerNames) {
        Parameter parameter = method.getParameters()[index];
        String name = header.value().isEmpty() ? (parameter.isNamePresent() ? parameter.getName() : null) : header.value();
        if (name == null) {
            problems.add(method, GatewayRule.HEADER_NAME_MISSING, Methods.parameter(method, index) + " is annotated"
                    + " @Header without a name and the parameter names were not compiled in; write @Header(\"name\")"
                    + " or compile with -parameters");
            return;
        }
        if (HeaderSpec.isReserved(name)) {
            problems.add(method, GatewayRule.RESERVED_HEADER, Methods.parameter(method, index) + " maps to the header '"
                    + name + "', which every message assigns itself");
            return;
        }
        Integer previous = headerNames.putIfAbsent(name, index);
        if (previous != null) {
            problems.add(method, GatewayRule.DUPLICATE_HEADER, Methods.parameter(method, previous) + " and "
                    + Methods.parameter(method, index) + " both map to the header '" + name + "'");
            return;
        }
        argumentHeaders.add(new HeaderContribution.Argument(name, index, header.required(),
                Methods.parameter(method, index) + " of " + Methods.label(method)));
    }

    private void headers(int index) {
        if (!Map.class.isAssignableFrom(method.getParameterTypes()[index])) {
            problems.add(method, GatewayRule.HEADERS_NOT_A_MAP, Methods.parameter(method, index) + " is annotated"
                    + " @Headers but is a " + method.getParameterTypes()[index].getName() + ", not a Map");
            return;
        }
        mapHeaders.add(mapArgument(index));
    }

    private Roles decide(PayloadSource expressionPayload, boolean methodDefinesPayload, ExpressionParser parser) {
        if (plainMaps.size() > 1) {
            problems.add(method, GatewayRule.TWO_UNANNOTATED_MAPS, describe(plainMaps) + " are maps without"
                    + " annotation, so which one is the payload and which the headers is ambiguous; annotate one"
                    + " @Payload and the other @Headers");
        }
        if (payloadIndex >= 0) {
            if (methodDefinesPayload) {
                problems.add(method, GatewayRule.PAYLOAD_DEFINED_TWICE, Methods.parameter(method, payloadIndex)
                        + " is annotated @Payload and the method also has a payload expression; keep one");
            }
            rejectRolelessParameters();
            plainMaps.forEach(index -> mapHeaders.add(mapArgument(index)));
            return new Roles(annotatedPayloadSource(parser), mapHeaders, argumentHeaders, true);
        }
        if (expressionPayload != null) {
            // the other arguments feed the expression through args; maps still carry headers
            plainMaps.forEach(index -> mapHeaders.add(mapArgument(index)));
            return new Roles(expressionPayload, mapHeaders, argumentHeaders, false);
        }
        return conventional();
    }

    private Roles conventional() {
        if (!plainParameters.isEmpty()) {
            int payload = plainParameters.get(0);
            if (plainParameters.size() > 1) {
                problems.add(method, GatewayRule.AMBIGUOUS_PAYLOAD, describe(plainParameters) + " have no annotation,"
                        + " and only one can be the payload; annotate the payload @Payload and the others @Header,"
                        + " or give a payload expression");
            }
            plainMaps.forEach(index -> mapHeaders.add(mapArgument(index)));
            return new Roles(argumentPayload(payload), mapHeaders, argumentHeaders, false);
        }
        if (plainMaps.size() == 1) {
            return new Roles(argumentPayload(plainMaps.get(0)), mapHeaders, argumentHeaders, false);
        }
        return new Roles(null, mapHeaders, argumentHeaders, false);
    }

    private void rejectRolelessParameters() {
        if (!plainParameters.isEmpty()) {
            problems.add(method, GatewayRule.AMBIGUOUS_PAYLOAD, describe(plainParameters) + " would have no role:"
                    + " the payload is " + Methods.parameter(method, payloadIndex) + " (@Payload); annotate "
                    + (plainParameters.size() == 1 ? "it" : "them") + " @Header or remove "
                    + (plainParameters.size() == 1 ? "it" : "them"));
        }
    }

    private PayloadSource annotatedPayloadSource(ExpressionParser parser) {
        if (payloadExpressionText.isEmpty()) {
            return argumentPayload(payloadIndex);
        }
        Expression expression = HeaderSpec.parse(parser, payloadExpressionText, Methods.label(method),
                "the @Payload expression of " + Methods.parameter(method, payloadIndex), problems);
        return expression == null ? null : new PayloadSource.ArgumentExpression(payloadIndex, expression, method,
                Methods.label(method));
    }

    private PayloadSource argumentPayload(int index) {
        return new PayloadSource.Argument(index, Methods.parameter(method, index) + " of " + Methods.label(method));
    }

    private HeaderContribution mapArgument(int index) {
        return new HeaderContribution.MapArgument(index, Methods.parameter(method, index) + " of " + Methods.label(method));
    }

    private String describe(List<Integer> indexes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indexes.size(); i++) {
            text.append(i == 0 ? "" : i == indexes.size() - 1 ? " and " : ", ").append(Methods.parameter(method, indexes.get(i)));
        }
        return text.toString();
    }
}

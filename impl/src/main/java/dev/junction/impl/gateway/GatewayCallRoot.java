package dev.junction.impl.gateway;

import dev.junction.impl.expression.EvaluationRoot;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

/**
 * The variables a gateway expression sees during one call: {@code args} and {@code gatewayMethod} always, plus
 * {@code arg} (the annotated argument) for a parameter's {@code @Payload("...")}, or {@code payload} (the
 * request's payload) for a header expression. A switch rather than a map: one is built per evaluation.
 */
record GatewayCallRoot(Object[] args, Method gatewayMethod, String extraName, Object extraValue)
        implements EvaluationRoot {

    static final String ARGS = "args";
    static final String GATEWAY_METHOD = "gatewayMethod";
    static final String ARG = "arg";
    static final String PAYLOAD = "payload";

    /** @return the variables of a method-level or default payload expression */
    static GatewayCallRoot forPayload(Object[] args, Method gatewayMethod) {
        return new GatewayCallRoot(args, gatewayMethod, null, null);
    }

    /** @return the variables of a parameter's payload expression: {@code arg} is that parameter's argument */
    static GatewayCallRoot forArgument(Object[] args, Method gatewayMethod, Object argument) {
        return new GatewayCallRoot(args, gatewayMethod, ARG, argument);
    }

    /** @return the variables of a header expression: {@code payload} is the request's payload */
    static GatewayCallRoot forHeaders(Object[] args, Method gatewayMethod, Object payload) {
        return new GatewayCallRoot(args, gatewayMethod, PAYLOAD, payload);
    }

    @Override
    public boolean defines(String name) {
        return ARGS.equals(name) || GATEWAY_METHOD.equals(name) || name.equals(extraName);
    }

    @Override
    public Object get(String name) {
        if (ARGS.equals(name)) {
            return args;
        }
        if (GATEWAY_METHOD.equals(name)) {
            return gatewayMethod;
        }
        return name.equals(extraName) ? extraValue : null;
    }

    @Override
    public Collection<String> names() {
        return extraName == null ? List.of(ARGS, GATEWAY_METHOD) : List.of(ARGS, GATEWAY_METHOD, extraName);
    }
}

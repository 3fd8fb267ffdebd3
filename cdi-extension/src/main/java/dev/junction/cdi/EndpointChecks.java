package dev.junction.cdi;

import java.lang.reflect.Method;

/**
 * The checks of one {@link EndpointDescriptor} that need nothing but the description: the channels its kind needs
 * are named, and the method's shape fits its kind (a filter returns {@code boolean}, an inbound adapter takes no
 * parameters, ...). Duplicate ids and everything that needs channels are checked elsewhere.
 */
final class EndpointChecks {

    private EndpointChecks() {
    }

    /**
     * Reports every problem of the endpoint to the validator.
     *
     * @return whether the endpoint has none and may be wired
     */
    static boolean check(EndpointDescriptor endpoint, DeploymentValidator validator) {
        String at = endpoint.describeMethod();
        EndpointKind kind = endpoint.kind();
        Method method = endpoint.method();
        boolean ok = true;
        if (kind instanceof EndpointKind.Conflict) {
            validator.problem(DeploymentValidator.CONFLICTING_ENDPOINT_ANNOTATIONS, at + " carries " + kind.annotation()
                    + "; a method is one endpoint: keep one annotation and move the others to methods of their own");
            return false;
        }
        if (kind instanceof EndpointKind.Bridge bridge && bridge.producedChannel().isEmpty()) {
            validator.problem(DeploymentValidator.BRIDGE_NOT_ON_CHANNEL_PRODUCER, at + " carries " + kind.annotation()
                    + " but is not a channel producer; put it on a @Produces @Channel(\"name\") method that"
                    + " declares a channel");
            return false;
        }
        if (kind instanceof EndpointKind.InboundAdapter) {
            if (endpoint.outputChannel().isEmpty()) {
                validator.problem(DeploymentValidator.MISSING_OUTPUT_CHANNEL, at + ": @InboundChannelAdapter names no"
                        + " channel; set channel to the channel the produced messages go to");
                ok = false;
            }
            if (method.getParameterCount() > 0) {
                validator.problem(DeploymentValidator.ADAPTER_METHOD_WITH_PARAMETERS, at + " is an"
                        + " @InboundChannelAdapter but takes " + method.getParameterCount() + " parameter(s); a"
                        + " poller calls it without a message: remove the parameters");
                ok = false;
            }
            return requireResult(endpoint, validator) && ok;
        }
        if (endpoint.inputChannel().isEmpty()) {
            String attribute = kind instanceof EndpointKind.Bridge ? "value to the channel to bridge from"
                    : "inputChannel to the channel the method consumes from";
            validator.problem(DeploymentValidator.MISSING_INPUT_CHANNEL, at + ": " + kind.annotation()
                    + " names no input channel; set " + attribute);
            ok = false;
        }
        if (kind instanceof EndpointKind.Filter) {
            Class<?> returned = method.getReturnType();
            if (returned != boolean.class && returned != Boolean.class
                    && !EndpointHandlers.declaresScript(method)) { // a scripted filter: its script returns the boolean
                validator.problem(DeploymentValidator.INVALID_RETURN_TYPE, at + " is a @Filter but returns "
                        + returned.getName() + "; a filter method returns boolean (true accepts the message), or"
                        + " takes no parameters and returns the Script that decides");
                ok = false;
            }
        } else if (kind instanceof EndpointKind.Transformer || kind instanceof EndpointKind.Router) {
            ok = requireResult(endpoint, validator) && ok;
        }
        if (kind instanceof EndpointKind.Router router && !router.invalidMappings().isEmpty()) {
            validator.problem(DeploymentValidator.INVALID_ROUTER_MAPPING, at + ": @Router channelMappings "
                    + router.invalidMappings() + " are not \"key=channelName\" (or repeat a key); write each mapping"
                    + " as key=channelName, one per key");
            ok = false;
        }
        return ok;
    }

    private static boolean requireResult(EndpointDescriptor endpoint, DeploymentValidator validator) {
        if (endpoint.method().getReturnType() == void.class) {
            validator.problem(DeploymentValidator.INVALID_RETURN_TYPE, endpoint.describeMethod() + " ("
                    + endpoint.kind().annotation() + ") returns nothing; return the "
                    + (endpoint.kind() instanceof EndpointKind.Router ? "channel name(s)" : "message or payload")
                    + " it produces");
            return false;
        }
        return true;
    }
}

package dev.junction.api.management;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The header form of a control bus command, for programs: which component, which operation, which arguments, each
 * in a header, so that no text is parsed. People write the text form instead, {@code @barista.stop()}.
 *
 * <pre>{@code
 * junction.channel("controlBus").send(ControlBusCommand.of("kitchenPoller", "setPeriod", 20));
 * }</pre>
 */
public final class ControlBusCommand {

    /** The header naming the component of a command in the header form. */
    public static final String COMPONENT_HEADER = "junction_controlBus_component";
    /** The header naming the operation of a command in the header form. */
    public static final String OPERATION_HEADER = "junction_controlBus_operation";
    /** The header carrying the arguments of a command in the header form: a {@code List}, or absent for none. */
    public static final String ARGUMENTS_HEADER = "junction_controlBus_arguments";

    private ControlBusCommand() {
    }

    /**
     * @param component an endpoint id, a channel name or a component registered with the control bus
     * @param operation the managed operation's name
     * @param arguments its arguments ({@code null} is one)
     * @return a command message in the header form, with an empty text payload
     */
    public static Message<String> of(String component, String operation, Object... arguments) {
        return MessageBuilder.withPayload("")
                .setHeader(COMPONENT_HEADER, Objects.requireNonNull(component, "component"))
                .setHeader(OPERATION_HEADER, Objects.requireNonNull(operation, "operation"))
                .setHeader(ARGUMENTS_HEADER, Arrays.asList(arguments.clone())).build();
    }
}

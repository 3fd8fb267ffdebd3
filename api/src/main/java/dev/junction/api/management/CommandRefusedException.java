package dev.junction.api.management;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;

/**
 * A control bus command that was not executed: not a command ({@code JNC-1060}), an unknown component
 * ({@code JNC-1061}), an operation not marked as managed ({@code JNC-1062}), arguments that do not fit
 * ({@code JNC-1063}), or a caller without the role ({@code JNC-1064}). The message starts with the rule's code;
 * nothing was invoked.
 */
public class CommandRefusedException extends MessageHandlingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param command     the refused command
     * @param description why, starting with the code
     */
    public CommandRefusedException(Message<?> command, String description) {
        super(command, description);
    }
}

package dev.junction.impl.controlbus;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;

/**
 * A control bus command that was not executed: not a command, an unknown component, an operation not marked as
 * managed, arguments that do not fit, or a caller without the role. The message starts with the rule's code.
 */
public class CommandRefusedException extends MessageHandlingException {

    private static final long serialVersionUID = 1L;

    CommandRefusedException(Message<?> command, String description) {
        super(command, description);
    }
}

package dev.junction.impl.invoke;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;

/** Passes the whole message; a parameter typed as a message subtype (an {@code ErrorMessage}) gets only those. */
final class MessageArgument implements ArgumentResolver {

    private final Class<?> messageType;
    private final String parameter;

    MessageArgument(Class<?> messageType, String parameter) {
        this.messageType = messageType;
        this.parameter = parameter;
    }

    @Override
    public Object resolve(Message<?> message) {
        if (messageType != Message.class && !messageType.isInstance(message)) {
            throw new MessageHandlingException(message, parameter + " takes a " + messageType.getName()
                    + " but the message is a " + message.getClass().getName() + Messages.identify(message));
        }
        return message;
    }
}

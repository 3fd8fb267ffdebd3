package dev.junction.api.handler;

import dev.junction.api.message.Message;

/** Decides whether a message is accepted (by a filter, a wire tap, ...). */
@FunctionalInterface
public interface MessageSelector {

    /** @return {@code true} to accept the message */
    boolean accept(Message<?> message);
}

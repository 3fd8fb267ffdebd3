package dev.junction.api.source;

import dev.junction.api.message.Message;

/**
 * Something a poller can ask for the next message: a method, an expression, a directory, a table.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface MessageSource<T> {

    /** @return the next message, or {@code null} when there is none now */
    Message<T> receive();
}

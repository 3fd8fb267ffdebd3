package dev.junction.tcp.connection;

import dev.junction.tcp.codec.FrameException;

import java.util.Objects;

/**
 * Something that happened to a connection. For one connection, {@link Opened} comes first, before any payload is
 * delivered, and {@link Closed} last; a failure event precedes the {@link Closed} it causes.
 */
public sealed interface TcpConnectionEvent {

    /** @return the connection concerned */
    TcpConnection connection();

    /** @return the id of the connection concerned */
    default String connectionId() {
        return connection().id();
    }

    /** The connection is established; nothing has been read from it yet. */
    record Opened(TcpConnection connection) implements TcpConnectionEvent {
        public Opened {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** The connection is closed, by either side or after a failure; nothing more comes from it. */
    record Closed(TcpConnection connection) implements TcpConnectionEvent {
        public Closed {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /**
     * Reading or writing failed, or the message listener threw. An I/O failure closes the connection (a
     * {@link Closed} follows); a listener's failure does not.
     */
    record ExceptionOccurred(TcpConnection connection, Throwable cause) implements TcpConnectionEvent {
        public ExceptionOccurred {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The bytes received were not a valid frame (too long, malformed, or cut short by the end of the stream); the
     * connection is closed and a {@link Closed} follows. Every other connection goes on.
     */
    record DeserializationFailed(TcpConnection connection, FrameException cause) implements TcpConnectionEvent {
        public DeserializationFailed {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(cause, "cause");
        }

        /** @return how many bytes of the bad frame were seen */
        public int offendingLength() {
            return cause.getOffendingLength();
        }
    }
}

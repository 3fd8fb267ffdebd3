package dev.junction.tcp.connection;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Writes whole frames on a non-blocking channel for the connection's sender: when the socket's buffer is full it
 * waits for the peer to read, up to the send timeout, on a selector of its own (made at the first such wait), so
 * that the wait needs no other thread and does not disturb whoever selects for the channel's reads. Used under the
 * connection's write lock.
 */
final class ChannelWriter {

    private final SocketChannel channel;
    private final Duration sendTimeout;
    private final BooleanSupplier open;
    private final String connectionId;
    private volatile Selector writable;

    /** @param open whether the connection is still open: a wait ends when it is closed meanwhile */
    ChannelWriter(SocketChannel channel, Duration sendTimeout, BooleanSupplier open, String connectionId) {
        this.channel = channel;
        this.sendTimeout = sendTimeout;
        this.open = open;
        this.connectionId = connectionId;
    }

    /**
     * @param beforeWait called before each wait for the peer (an NIO selector's thread hands its work over)
     * @throws java.net.SocketTimeoutException when the send timeout passed first
     * @throws ClosedChannelException when the connection was closed meanwhile
     */
    void write(ByteBuffer frame, Runnable beforeWait) throws IOException {
        long deadline = 0;
        while (frame.hasRemaining()) {
            if (channel.write(frame) == 0) {
                if (deadline == 0) {
                    deadline = (System.nanoTime() + sendTimeout.toNanos()) | 1;
                }
                beforeWait.run();
                try {
                    awaitWritable(deadline);
                } catch (ClosedSelectorException closedMeanwhile) {
                    throw new ClosedChannelException();
                }
                if (!open.getAsBoolean()) {
                    throw new ClosedChannelException();
                }
            }
        }
    }

    /** Closes the writer's selector, which wakes a sender waiting on it. */
    void close() {
        Selector selector = writable;
        if (selector != null) {
            SocketConfigurer.closeQuietly(selector);
        }
    }

    private void awaitWritable(long deadline) throws IOException {
        Selector selector = writable;
        if (selector == null) {
            selector = Selector.open();
            writable = selector;
            if (!open.getAsBoolean()) {
                selector.close(); // closed meanwhile: close() may not have seen this selector
                throw new ClosedChannelException();
            }
            channel.register(selector, SelectionKey.OP_WRITE);
        }
        long left = deadline - System.nanoTime();
        if (!sendTimeout.isZero() && left <= 0) {
            throw AbstractTcpConnection.sendTimeoutException(sendTimeout);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Interrupted while waiting to write on TCP connection " + connectionId);
        }
        selector.select(key -> { }, sendTimeout.isZero() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
}

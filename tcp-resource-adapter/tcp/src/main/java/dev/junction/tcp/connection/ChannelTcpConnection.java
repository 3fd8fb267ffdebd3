package dev.junction.tcp.connection;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection over a non-blocking {@link SocketChannel} watched by a {@link SelectorLoop}.
 *
 * <p>Order: when the selector finds the channel readable it stops watching it for reads and gives one read task to
 * the executor; that task reads what has arrived, delivers the payloads, and only then asks the selector to watch
 * again. So at most one task reads a connection at any time and payloads are delivered in the order they arrived,
 * however many threads the executor has. The {@code readScheduled} flag passes the decoder and buffer safely from
 * one task to the next.
 *
 * <p>Writes are made by the sender's thread; when the socket buffer is full it waits for the selector to find the
 * channel writable (up to the socket timeout, when one is set).
 */
final class ChannelTcpConnection extends AbstractTcpConnection implements SelectorLoop.Handler {

    /** Reads one task makes before it lets the executor run other connections' tasks. */
    private static final int READS_PER_TASK = 4;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    // True while a task owns reading; starts true so nothing is read before startReading().
    private final AtomicBoolean readScheduled = new AtomicBoolean(true);
    private final ReentrantLock writability = new ReentrantLock();
    private final Condition becameWritable = writability.newCondition();
    private boolean writable; // guarded by writability
    private volatile long lastReadNanos = System.nanoTime();

    /** @param key the channel's registration, with no interest yet; this connection becomes its attachment */
    ChannelTcpConnection(SocketChannel channel, SelectionKey key, ConnectionContext context) throws IOException {
        super((InetSocketAddress) channel.getRemoteAddress(), (InetSocketAddress) channel.getLocalAddress(), context);
        this.channel = channel;
        this.key = key;
        key.attach(this);
    }

    @Override
    void startReading() {
        resumeReading();
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isWritable()) {
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
            writability.lock();
            try {
                writable = true;
                becameWritable.signalAll();
            } finally {
                writability.unlock();
            }
        }
        if (readyKey.isReadable()) {
            schedule(this::readAvailable);
        }
    }

    @Override
    public void checkIdle(long nowNanos, long timeoutNanos) {
        if (nowNanos - lastReadNanos > timeoutNanos && !readScheduled.get()) {
            // Through a task, like a read: the Closed event's listeners must not run on the selector's thread.
            schedule(this::idle);
        }
    }

    private void schedule(Runnable work) {
        if (!readScheduled.compareAndSet(false, true)) {
            return;
        }
        key.interestOpsAnd(~SelectionKey.OP_READ);
        try {
            context().tracker().execute(work, () -> {
            });
        } catch (RejectedExecutionException e) {
            failed(e);
        }
    }

    private void readAvailable() {
        boolean resume = false;
        try {
            for (int reads = 0; reads < READS_PER_TASK && isOpen(); reads++) {
                buffer.clear();
                int count = channel.read(buffer);
                if (count < 0) {
                    endOfStream();
                    return;
                }
                if (count == 0) {
                    break;
                }
                lastReadNanos = System.nanoTime();
                if (!received(buffer.flip())) {
                    return;
                }
            }
            resume = true;
        } catch (IOException e) {
            failed(e);
        } finally {
            if (resume) {
                resumeReading();
            } else {
                close();
            }
        }
    }

    private void resumeReading() {
        readScheduled.set(false);
        try {
            key.interestOpsOr(SelectionKey.OP_READ);
            key.selector().wakeup();
        } catch (CancelledKeyException e) {
            // Closed meanwhile.
        }
    }

    @Override
    void write(ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            if (channel.write(frame) == 0) {
                awaitWritable();
            }
        }
    }

    private void awaitWritable() throws IOException {
        long timeoutNanos = context().options().soTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        writability.lock();
        try {
            writable = false;
            try {
                key.interestOpsOr(SelectionKey.OP_WRITE);
            } catch (CancelledKeyException e) {
                throw new ClosedChannelException();
            }
            key.selector().wakeup();
            while (!writable && isOpen()) {
                long left = timeoutNanos == 0 ? 0 : deadline - System.nanoTime();
                if (timeoutNanos > 0 && left <= 0) {
                    throw new SocketTimeoutException("The peer read nothing for " + context().options().soTimeout());
                }
                try {
                    if (timeoutNanos == 0) {
                        becameWritable.await();
                    } else {
                        becameWritable.awaitNanos(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting to write");
                }
            }
        } finally {
            writability.unlock();
        }
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    void shutdownOutputTransport() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    void closeTransport() throws IOException {
        try {
            channel.close();
        } finally {
            // The selector completes the close of a registered channel; wake it so the peer sees the end promptly.
            key.selector().wakeup();
            writability.lock();
            try {
                becameWritable.signalAll();
            } finally {
                writability.unlock();
            }
        }
    }
}

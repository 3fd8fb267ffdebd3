package dev.junction.tcp.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection over a non-blocking {@link SocketChannel} watched by a {@link SelectorLoop}.
 *
 * <p>Order: reading is owned by one party at a time, the {@code readOwned} flag passing the decoder and buffer
 * safely from one to the next. When the selector finds the channel readable and takes ownership, it makes one
 * non-blocking read itself and leaves the rest to a delivery ({@link SelectorLoop#deliver}): made by the selecting
 * thread after its select, or by a task of the executor, it delivers what was read, reads on while each read fills
 * the buffer, and only then gives ownership back. So payloads are delivered one at a time and in the order they
 * arrived, whichever thread delivers them.
 *
 * <p>Wake-ups: the channel stays registered for reads while a task delivers, so when the task ends nothing has to
 * wake the selector to watch it again; in a request and reply exchange (the peer sends nothing until it has the
 * reply) that is the usual case. Only when the selector sees bytes arrive while a task still owns reading does it
 * stop watching the channel (else it would find it readable again and again), and the task then watches it again
 * and wakes the selector when it ends.
 *
 * <p>Writes are made by the sender's thread; when the socket buffer is full it waits on a selector of the
 * connection's own for the channel to become writable (up to the send timeout, when one is set), and when the sender
 * is the thread that selects for every connection, the selector's watch takes over meanwhile.
 */
final class ChannelTcpConnection extends AbstractTcpConnection
        implements SelectorLoop.Handler, SelectorLoop.Delivery {

    /** Reads one task makes before it lets the executor run other connections' tasks. */
    private static final int READS_PER_TASK = 4;

    /** What the selector's read found, for the task to act on: a count of bytes, or one of these. */
    private static final int END_OF_STREAM = -1;
    private static final int READ_FAILED = -2;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final SelectorLoop loop;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    // True while the selector or a task owns reading; starts true so nothing is read before startReading().
    private final AtomicBoolean readOwned = new AtomicBoolean(true);
    // True while the selector does not watch the channel for reads because bytes came while a task owned reading.
    private final AtomicBoolean readPaused = new AtomicBoolean();
    private final Runnable deliverRead = this::deliverRead;
    private final ChannelWriter writer;
    private int firstRead; // what the selector's read found; passed to the task with ownership
    private IOException firstReadFailure; // likewise
    private volatile long lastReadNanos = System.nanoTime();

    /** @param key the channel's registration, with no interest yet; this connection becomes its attachment */
    ChannelTcpConnection(SocketChannel channel, SelectionKey key, SelectorLoop loop, ConnectionContext context)
            throws IOException {
        super((InetSocketAddress) channel.getRemoteAddress(), (InetSocketAddress) channel.getLocalAddress(), context);
        this.channel = channel;
        this.key = key;
        this.loop = loop;
        this.writer = new ChannelWriter(channel, context.options().sendTimeout(), this::isOpen, id());
        key.attach(this);
    }

    @Override
    void startReading() {
        readOwned.set(false);
        watchReads(true);
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isReadable()) {
            readySelected();
        }
    }

    /** On the selector's thread: the channel has bytes (or its end) to read. */
    private void readySelected() {
        if (!readOwned.compareAndSet(false, true)) {
            // A task is delivering: stop watching until it ends, or the selector would find these bytes again and
            // again. Then look once more, in case the task gave ownership back meanwhile and did not see the pause.
            readPaused.set(true);
            key.interestOpsAnd(~SelectionKey.OP_READ);
            if (!readOwned.compareAndSet(false, true)) {
                return;
            }
            readPaused.set(false);
            key.interestOpsOr(SelectionKey.OP_READ); // the selector's own thread: no wake-up needed
        }
        try {
            buffer.clear();
            int count = channel.read(buffer);
            if (count == 0) {
                readOwned.set(false); // nothing after all
                return;
            }
            firstRead = count < 0 ? END_OF_STREAM : count;
        } catch (IOException e) {
            firstRead = READ_FAILED;
            firstReadFailure = e;
        }
        loop.deliver(this);
    }

    @Override
    public void deliverHere() {
        deliverRead();
    }

    @Override
    public void deliverOnTask() {
        schedule(deliverRead);
    }

    @Override
    public void checkIdle(long nowNanos, long timeoutNanos) {
        if (nowNanos - lastReadNanos > timeoutNanos && readOwned.compareAndSet(false, true)) {
            // Through a task, like a read: the Closed event's listeners must not run on the selector's thread.
            schedule(this::idle);
        }
    }

    /** Gives a task that owns reading to the executor. */
    private void schedule(Runnable work) {
        try {
            context().tracker().execute(work, () -> {
            });
        } catch (RejectedExecutionException e) {
            failed(e);
        }
    }

    /** The delivery of what the selector read; then reads on while each read fills the buffer. */
    private void deliverRead() {
        boolean keepReading = false;
        try {
            int count = firstRead;
            if (count == READ_FAILED) {
                IOException failure = firstReadFailure;
                firstReadFailure = null;
                throw failure;
            }
            for (int reads = 0; ; reads++) {
                if (count == END_OF_STREAM) {
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
                if (reads + 1 == READS_PER_TASK || !isOpen()) {
                    break; // let other connections be served; the selector sees what is left
                }
                if (count < buffer.capacity()) {
                    // The read emptied the socket; what came since, the selector sees (it watches the channel
                    // while this task delivers). In a request and reply exchange nothing has: a read now would
                    // only find nothing, one system call per request for naught.
                    break;
                }
                buffer.clear();
                count = channel.read(buffer);
                if (count < 0) {
                    count = END_OF_STREAM;
                }
            }
            keepReading = true;
        } catch (IOException e) {
            failed(e);
        } finally {
            if (keepReading && isOpen()) {
                releaseReading();
            } else {
                close();
            }
        }
    }

    /** Gives reading back to the selector, watching the channel again if the selector had to stop. */
    private void releaseReading() {
        readOwned.set(false);
        if (readPaused.compareAndSet(true, false)) {
            watchReads(true);
        }
    }

    private void watchReads(boolean wake) {
        try {
            key.interestOpsOr(SelectionKey.OP_READ);
            if (wake) {
                key.selector().wakeup();
            }
        } catch (CancelledKeyException e) {
            // Closed meanwhile.
        }
    }

    /** The sender's thread writes; when it is the one that selects and must wait, the watch selects meanwhile. */
    @Override
    void write(ByteBuffer frame) throws IOException {
        writer.write(frame, loop::handOffIfSelecting);
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
            writer.close(); // wakes a writer waiting for the peer
        }
    }
}

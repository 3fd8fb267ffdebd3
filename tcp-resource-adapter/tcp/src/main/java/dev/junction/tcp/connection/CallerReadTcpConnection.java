package dev.junction.tcp.connection;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A client connection read by its caller ({@link CallerReadConnection}): a non-blocking channel with a selector of
 * its own, on which the caller waits for the reply. Non-blocking, so that {@link #prepareExchange()} can look for
 * what arrived between exchanges, the end of the stream included, without waiting; the selector lets the caller
 * wait for the reply with a timeout in one system call. No task of the factory ever touches it.
 *
 * <p>Reading a reply: where the reply is usually there already when the caller looks (a busy machine, where the
 * server's thread runs before the caller gets back from its write), one read finds it and the selector is not
 * asked; where it usually is not, a read first would find nothing, one system call for naught, so the caller waits
 * on the selector first and then reads. The connection keeps to the way that worked for the last replies (see
 * {@link ReplyWait}); either way the reply, the timeout and the end of the stream are handled alike.
 */
final class CallerReadTcpConnection extends AbstractTcpConnection implements CallerReadConnection {

    private static final Consumer<SelectionKey> NOTHING_TO_DO = key -> {
    };

    private final SocketChannel channel;
    private final Selector readable;
    private final ReentrantLock reading = new ReentrantLock();
    // Bytes read and not yet decoded, from position to limit; guarded by reading.
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_SIZE).flip();
    private final long idleNanos;
    private long lastReadNanos = System.nanoTime(); // guarded by reading
    private final ReplyWait replyWait = new ReplyWait(); // guarded by reading
    private final ChannelWriter writer;

    private CallerReadTcpConnection(SocketChannel channel, Selector readable, ConnectionContext context)
            throws IOException {
        super((InetSocketAddress) channel.getRemoteAddress(), (InetSocketAddress) channel.getLocalAddress(), context);
        this.channel = channel;
        this.readable = readable;
        this.idleNanos = context.options().soTimeout().toNanos();
        this.writer = new ChannelWriter(channel, context.options().sendTimeout(), this::isOpen, id());
    }

    /** Connects within the connect timeout, on the calling thread; the connection is not activated yet. */
    static CallerReadTcpConnection connect(InetSocketAddress address, ConnectionContext context) throws IOException {
        TcpConnectionOptions options = context.options();
        SocketChannel channel = SocketChannel.open();
        Selector readable = null;
        try {
            SocketConfigurer.configure(channel.socket(), options);
            if (options.localAddress().isPresent()) {
                channel.bind(new InetSocketAddress(options.localAddress().get(), 0));
            }
            channel.socket().connect(address, (int) options.connectTimeout().toMillis());
            channel.configureBlocking(false);
            readable = Selector.open();
            channel.register(readable, SelectionKey.OP_READ);
            return new CallerReadTcpConnection(channel, readable, context);
        } catch (IOException | RuntimeException e) {
            SocketConfigurer.closeQuietly(channel);
            if (readable != null) {
                SocketConfigurer.closeQuietly(readable);
            }
            throw e;
        }
    }

    /** Nothing to start: the caller reads. */
    @Override
    void startReading() {
    }

    @Override
    public boolean prepareExchange() {
        takeReading();
        try {
            if (buffer.hasRemaining()) {
                received(buffer); // left after the last reply: nobody awaited it
            }
            while (isOpen()) {
                int count = read();
                if (count < 0) {
                    endOfStream();
                    return false;
                }
                if (count == 0) {
                    break;
                }
                received(buffer);
            }
            if (isOpen() && idleNanos > 0 && System.nanoTime() - lastReadNanos > idleNanos) {
                idle();
            }
            return isOpen();
        } catch (IOException e) {
            failed(e);
            return false;
        } finally {
            reading.unlock();
        }
    }

    @Override
    public byte[] receive(Duration timeout) {
        takeReading();
        try {
            long timeoutNanos = nanos(timeout);
            boolean idleFirst = idleNanos > 0 && idleNanos < timeoutNanos;
            long waitNanos = idleFirst ? idleNanos : timeoutNanos;
            long started = System.nanoTime();
            // A zero timeout or an interrupted caller gives up before reading, as it always did.
            boolean readFirst = waitNanos > 0 && !Thread.currentThread().isInterrupted() && replyWait.readFirst();
            while (true) {
                if (buffer.hasRemaining()) {
                    byte[] payload = decodeForCaller(buffer);
                    if (payload != null) {
                        return payload;
                    }
                }
                if (!isOpen()) {
                    throw new MessagingException("TCP connection " + id() + " was closed");
                }
                int count;
                if (readFirst) {
                    readFirst = false; // once per reply: what the first read misses, the selector waits for
                    count = read();
                    replyWait.firstRead(count != 0);
                } else {
                    long left = waitNanos - (System.nanoTime() - started);
                    if (left <= 0 || Thread.currentThread().isInterrupted()) {
                        throw gaveUp(timeout, idleFirst && left <= 0);
                    }
                    if (readable.select(NOTHING_TO_DO, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))) == 0) {
                        continue; // the time passed, a wake-up or an interrupt: the loop tells which
                    }
                    count = read();
                }
                if (count < 0) {
                    byte[] last = endOfStreamForCaller();
                    if (last != null) {
                        return last;
                    }
                    throw new MessagingException("the peer closed TCP connection " + id());
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            failed(e);
            throw new MessagingException(null, "Cannot read TCP connection " + id() + ": " + e, e);
        } finally {
            reading.unlock();
        }
    }

    /** @return how the caller looks for its next reply; for tests, which may also steer it */
    ReplyWait replyWait() {
        return replyWait;
    }

    /** @return the failure of a wait that ended before a payload came; the connection is closed */
    private MessagingException gaveUp(Duration timeout, boolean idle) {
        if (idle) {
            idle();
            return new MessagingException("TCP connection " + id() + " received nothing for "
                    + context().options().soTimeout() + ", its socket timeout: it is closed");
        }
        boolean interrupted = Thread.currentThread().isInterrupted();
        // Closed, so that a payload still on its way is never taken for the answer to a later request.
        close();
        return new MessageTimeoutException(null, "No payload on TCP connection " + id() + " within " + timeout
                + (interrupted ? " (the reading thread was interrupted)" : "") + "; the connection is closed");
    }

    /** @return what one non-blocking read found: a count of bytes (now in the buffer), 0, or -1 at the end */
    private int read() throws IOException {
        buffer.clear();
        int count;
        try {
            count = channel.read(buffer);
        } finally {
            buffer.flip();
        }
        if (count > 0) {
            lastReadNanos = System.nanoTime();
        }
        return count;
    }

    private void takeReading() {
        if (!reading.tryLock()) {
            throw new IllegalStateException("TCP connection " + id() + " is read by its caller, and another thread"
                    + " is reading it: only the thread that holds the connection may");
        }
    }

    private static long nanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    void write(ByteBuffer frame) throws IOException {
        writer.write(frame, () -> {
        });
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
            // Wakes a caller waiting for a reply, and completes the channel's close (it is registered with them).
            SocketConfigurer.closeQuietly(readable);
            writer.close();
        }
    }
}

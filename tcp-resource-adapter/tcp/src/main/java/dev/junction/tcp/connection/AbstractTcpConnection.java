package dev.junction.tcp.connection;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.tcp.codec.FrameDecoder;
import dev.junction.tcp.codec.FrameException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What blocking and NIO connections share: the id, framing, delivery of payloads, events and the once-only close.
 * Subclasses move the bytes. Reading is done by one task at a time, so the decoder needs no lock.
 *
 * <p>Locks are {@link ReentrantLock}s rather than monitors: writes and listeners may block, and a virtual thread
 * blocking inside {@code synchronized} would hold on to its carrier thread.
 */
abstract class AbstractTcpConnection implements TcpConnection {

    /** The size of a connection's read buffer: a read takes whatever has arrived, up to this. */
    static final int READ_BUFFER_SIZE = 8192;

    /** The largest frame buffer a connection keeps for its next write; a larger frame's buffer is let go. */
    static final int KEPT_WRITE_BUFFER_SIZE = 8192;

    private static final System.Logger LOG = System.getLogger(AbstractTcpConnection.class.getName());

    private enum State { NEW, OPEN, CLOSED }

    private final String id;
    private final String remoteHost;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final ConnectionContext context;
    private final FrameDecoder decoder;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile State state = State.NEW;
    private ByteBuffer writeBuffer; // guarded by writeLock: frames are encoded into it, not into a new array each

    AbstractTcpConnection(InetSocketAddress remoteAddress, InetSocketAddress localAddress, ConnectionContext context) {
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.context = context;
        this.remoteHost = context.options().lookupHost() ? remoteAddress.getAddress().getHostName()
                : remoteAddress.getAddress().getHostAddress();
        this.id = remoteHost + ":" + remoteAddress.getPort() + ":" + localAddress.getPort() + ":" + UUID.randomUUID();
        this.decoder = context.options().codec().newDecoder(context.options().maxMessageSize());
    }

    /**
     * @return the failure of a write that took longer than the send timeout, which closes the connection
     */
    static SocketTimeoutException sendTimeoutException(Duration sendTimeout) {
        return new SocketTimeoutException("the peer read nothing for " + sendTimeout + ", the send timeout (the"
                + " socket's buffers stayed full); see TcpConnectionOptions.sendTimeout()");
    }

    /**
     * Writes one whole frame, from its position to its limit; called by one thread at a time.
     *
     * @throws SocketTimeoutException when the send timeout passed first (see {@link #sendTimeoutException})
     */
    abstract void write(ByteBuffer frame) throws IOException;

    /** Releases the socket; called once. */
    abstract void closeTransport() throws IOException;

    /** Ends the output stream, leaving the input open. */
    abstract void shutdownOutputTransport() throws IOException;

    /**
     * Begins reading, after {@link #activate()}.
     *
     * @throws RejectedExecutionException when the reading task cannot be run
     */
    abstract void startReading();

    final ConnectionContext context() {
        return context;
    }

    /**
     * Registers the connection with its factory and publishes {@link TcpConnectionEvent.Opened}, before anything is
     * read.
     *
     * @return false when the connection was closed instead (the factory is stopping)
     */
    final boolean activate() {
        if (!context.registry().add(this)) {
            close();
            return false;
        }
        stateLock.lock();
        try {
            if (state != State.NEW) {
                return false;
            }
            state = State.OPEN;
            // Under the lock, so that a concurrent close() cannot announce Closed before Opened is out.
            context.events().publish(new TcpConnectionEvent.Opened(this));
        } finally {
            stateLock.unlock();
        }
        return isOpen();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String remoteHost() {
        return remoteHost;
    }

    @Override
    public final InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public final InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public final boolean isOpen() {
        return state != State.CLOSED;
    }

    @Override
    public final void send(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        MessagingException failure;
        writeLock.lock();
        try {
            if (!isOpen()) {
                throw new MessagingException("TCP connection " + id + " is closed");
            }
            ByteBuffer frame = context.options().codec().encode(payload, writeBuffer);
            if (frame.hasArray() && frame.capacity() <= KEPT_WRITE_BUFFER_SIZE) {
                writeBuffer = frame;
            }
            write(frame);
            return;
        } catch (SocketTimeoutException e) {
            failure = new MessageTimeoutException(null, "Cannot send on TCP connection " + id + ": "
                    + e.getMessage() + "; the connection is closed", e);
        } catch (IOException e) {
            failure = new MessagingException(null, "Cannot send on TCP connection " + id + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        failed(failure);
        throw failure;
    }

    @Override
    public final void shutdownOutput() {
        MessagingException failure;
        writeLock.lock();
        try {
            if (!isOpen()) {
                throw new MessagingException("TCP connection " + id + " is closed");
            }
            shutdownOutputTransport();
            return;
        } catch (IOException e) {
            failure = new MessagingException(null, "Cannot shut the output of TCP connection " + id + " down: "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        failed(failure);
        throw failure;
    }

    @Override
    public final void close() {
        boolean announce;
        stateLock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            announce = state == State.OPEN;
            state = State.CLOSED;
        } finally {
            stateLock.unlock();
        }
        try {
            closeTransport();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing TCP connection " + id + " failed", e);
        }
        context.registry().remove(this);
        if (announce) {
            context.events().publish(new TcpConnectionEvent.Closed(this));
        }
    }

    /**
     * Decodes what was read and delivers every complete payload, in order.
     *
     * @param bytes what was read; consumed whole
     * @return whether reading may go on
     */
    final boolean received(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining() && isOpen()) {
                byte[] payload = decoder.decode(bytes);
                if (payload == null) {
                    break;
                }
                deliver(payload);
            }
        } catch (FrameException e) {
            frameFailed(e);
        }
        return isOpen();
    }

    /**
     * For a connection read by its caller: the next payload in the bytes, or {@code null} when they hold no complete
     * one (they are then consumed whole).
     *
     * @throws FrameException when the bytes are no valid frame: published, and the connection is closed
     */
    final byte[] decodeForCaller(ByteBuffer bytes) {
        try {
            return decoder.decode(bytes);
        } catch (FrameException e) {
            frameFailed(e);
            throw e;
        }
    }

    /**
     * For a connection read by its caller: the peer closed its side. Closes the connection.
     *
     * @return the last payload, for codecs whose frame ends with the stream; else {@code null}
     * @throws FrameException when a frame was cut short: published, and the connection is closed
     */
    final byte[] endOfStreamForCaller() {
        try {
            return decoder.endOfStream();
        } catch (FrameException e) {
            frameFailed(e);
            throw e;
        } finally {
            close();
        }
    }

    /** The peer closed its side: delivers what the codec makes of the rest, then closes. */
    final void endOfStream() {
        try {
            byte[] last = decoder.endOfStream();
            if (last != null && isOpen()) {
                deliver(last);
            }
        } catch (FrameException e) {
            frameFailed(e);
        }
        close();
    }

    /** Nothing was received for the socket timeout. */
    final void idle() {
        LOG.log(Level.DEBUG, "Closing TCP connection {0}: nothing received for {1}", id,
                context.options().soTimeout());
        close();
    }

    /** Reading or writing failed: published unless the connection was closed on purpose meanwhile, then closed. */
    final void failed(Throwable cause) {
        if (isOpen()) {
            LOG.log(Level.DEBUG, "TCP connection " + id + " failed", cause);
            context.events().publish(new TcpConnectionEvent.ExceptionOccurred(this, cause));
        }
        close();
    }

    private void frameFailed(FrameException e) {
        if (isOpen()) {
            LOG.log(Level.WARNING, "Closing TCP connection {0}: {1} ({2} bytes)", id, e.getMessage(),
                    e.getOffendingLength());
            context.events().publish(new TcpConnectionEvent.DeserializationFailed(this, e));
        }
        close();
    }

    private void deliver(byte[] payload) {
        try {
            context.listener().onMessage(this, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The message listener failed on TCP connection " + id + "; reading goes on", e);
            context.events().publish(new TcpConnectionEvent.ExceptionOccurred(this, e));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + (isOpen() ? "" : ", closed") + "]";
    }
}

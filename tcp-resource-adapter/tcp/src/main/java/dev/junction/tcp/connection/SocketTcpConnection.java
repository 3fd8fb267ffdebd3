package dev.junction.tcp.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A connection over a blocking {@link Socket}, read by one task that stays on it for the connection's life. */
final class SocketTcpConnection extends AbstractTcpConnection {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile long writeStartedNanos; // 0 while no write is in progress
    private volatile boolean sendTimedOut;

    SocketTcpConnection(Socket socket, ConnectionContext context) throws IOException {
        super((InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress) socket.getLocalSocketAddress(),
                context);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    void startReading() {
        context().tracker().execute(this::readLoop, this::close);
    }

    /** Reads until the connection ends, on the calling thread. */
    void readLoop() {
        byte[] bytes = new byte[READ_BUFFER_SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (isOpen()) {
                int count = in.read(bytes);
                if (count < 0) {
                    endOfStream();
                    return;
                }
                buffer.clear().limit(count);
                if (!received(buffer)) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            idle();
        } catch (IOException e) {
            // the send timeout closed the socket under this read too: tell that, not "socket closed"
            failed(sendTimedOut ? sendTimeout(e) : e);
        } finally {
            // Also on an Error from a listener: a connection nobody reads must not stay open.
            close();
        }
    }

    @Override
    void write(ByteBuffer frame) throws IOException {
        writeStartedNanos = System.nanoTime() | 1; // never 0, which means no write
        try {
            if (frame.hasArray()) {
                out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
            } else {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                out.write(bytes);
            }
            out.flush();
        } catch (IOException e) {
            throw sendTimedOut ? sendTimeout(e) : e;
        } finally {
            writeStartedNanos = 0;
        }
    }

    /**
     * Called by the {@link SendWatchdog}: closes the socket when the write in progress has taken longer than the send
     * timeout, so that it fails. The failure and the close are then reported by the threads that were using it.
     */
    void checkSendTimeout(long nowNanos, long timeoutNanos) {
        long started = writeStartedNanos;
        if (started != 0 && nowNanos - started > timeoutNanos) {
            sendTimedOut = true;
            SocketConfigurer.closeQuietly(socket);
        }
    }

    private SocketTimeoutException sendTimeout(IOException closedByIt) {
        SocketTimeoutException timeout = sendTimeoutException(context().options().sendTimeout());
        timeout.initCause(closedByIt);
        return timeout;
    }

    @Override
    void shutdownOutputTransport() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    void closeTransport() throws IOException {
        socket.close();
    }
}

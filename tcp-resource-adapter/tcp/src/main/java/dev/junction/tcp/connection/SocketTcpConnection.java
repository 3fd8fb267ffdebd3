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
            failed(e);
        } finally {
            // Also on an Error from a listener: a connection nobody reads must not stay open.
            close();
        }
    }

    @Override
    void write(ByteBuffer frame) throws IOException {
        if (frame.hasArray()) {
            out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        } else {
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            out.write(bytes);
        }
        out.flush();
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

package dev.junction.tcp.connection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket on 127.0.0.1 that writes raw bytes and reads CR LF lines, to drive a server without the module's
 * own client code. Reads give up after 10 seconds so that a broken server fails the test instead of hanging it.
 */
final class LineSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    LineSocket(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBufferSize the socket's receive buffer, 0 for the system's: small to make the peer wait */
    LineSocket(int port, int receiveBufferSize) throws IOException {
        socket = new Socket();
        if (receiveBufferSize > 0) {
            socket.setReceiveBufferSize(receiveBufferSize);
        }
        socket.connect(new InetSocketAddress(InetAddress.getByName(Kinds.LOOPBACK), port), 10_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    /** Writes the text as is, in one write. */
    void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return the next line without its terminator, or null at the end of the stream */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** @return whether the server closed the connection (no more data, end of stream) */
    boolean atEndOfStream() throws IOException {
        return in.read() < 0;
    }

    /** Ends this side's output (a half-close: the server sees the end of the stream) and keeps reading. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes abruptly: a reset, as a crashed peer's system sends, instead of an orderly end of stream. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package dev.junction.tcp.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain {@link Socket} on 127.0.0.1, used as a person would use telnet: it writes text as typed and reads the
 * lines that come back. Reads give up after 10 s, so that a server that does not answer fails the test.
 */
final class TelnetClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final BufferedReader in;

    TelnetClient(int port) throws IOException {
        socket.connect(new InetSocketAddress(TcpFixture.LOOPBACK, port), 10_000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Writes the text as it is, CR LF included when the caller typed it. */
    void write(String typed) throws IOException {
        out.write(typed.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** @return the next line without its terminator, or {@code null} when the server closed the connection */
    String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

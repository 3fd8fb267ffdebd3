package dev.junction.tcp.adapter.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A line client on plain sockets over loopback, as telnet would be. */
public final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;

    public LineClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** @return the line the server answers to this one */
    public String exchange(String line) throws IOException {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return readLine();
    }

    /** @return the next line, {@code null} at the end of the stream */
    public String readLine() throws IOException {
        return in.readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

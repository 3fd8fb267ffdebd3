package dev.junction.tcp.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on 127.0.0.1 written with plain sockets, the far end of outbound connections: it answers each
 * line (LF or CRLF) with the line in upper case, ended the same way, except lines reading {@code silence}, which it
 * never answers. It knows the connections it has open and can drop them all.
 */
final class Peer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    Peer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return how many connections are open on the peer's side */
    int openConnections() {
        return open.size();
    }

    /** Closes every connection, as a peer that restarts would. */
    void dropAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.equals("silence")) {
                    out.write((line.toUpperCase(Locale.ROOT) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the connection ended, which is what dropAll() and close() do
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        dropAll();
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}

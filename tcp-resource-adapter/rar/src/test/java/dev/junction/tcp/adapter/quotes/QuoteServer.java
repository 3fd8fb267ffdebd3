package dev.junction.tcp.adapter.quotes;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The quote service the tests' applications talk to: a TCP server on 127.0.0.1 (an ephemeral port) written with plain
 * sockets, answering each CRLF line with {@code <LINE IN UPPER CASE> 42.00}. It counts the connections it accepted, so
 * that a test sees whether connections were reused.
 */
public final class QuoteServer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public QuoteServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** @return how many connections it accepted so far */
    public int accepted() {
        return accepted.get();
    }

    /** @return how many connections are open now */
    public int open() {
        return open.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
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
                if (!line.equals("silence")) { // never answered: for timeouts
                    out.write((line.toUpperCase(Locale.ROOT) + " 42.00\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
    }
}

package dev.junction.jaxrs.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's own HTTP server on 127.0.0.1 and a port the system picks, each request served on a thread of its own.
 * It records what it saw: every request, the client ports it was reached from, and the most requests at once.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String uri, Map<String, List<String>> headers, String body, int clientPort) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(", ", entry.getValue())).findFirst().orElse(null);
        }
    }

    /** Answers one exchange; the request body has been read into {@link Seen#body()}. */
    interface Answer {
        void answer(Seen request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    LoopbackServer(Answer answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/", handler(answer));
        server.setExecutor(threads);
        server.start();
    }

    private HttpHandler handler(Answer answer) {
        return exchange -> {
            int now = inProgress.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try (exchange) {
                Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRemoteAddress().getPort());
                seen.add(request);
                clientPorts.add(request.clientPort());
                answer.answer(request, exchange);
            } finally {
                inProgress.decrementAndGet();
            }
        };
    }

    /** Writes a whole response. */
    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    String uri(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Seen> seen() {
        return seen;
    }

    Set<Integer> clientPorts() {
        return clientPorts;
    }

    int inProgress() {
        return inProgress.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

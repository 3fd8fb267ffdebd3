package dev.junction.examples.cafe;

import dev.junction.jaxrs.JunctionHttpApplication;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The cafe open for customers over HTTP: the same beans as {@link CafeApplication} plus the {@link HttpCounter},
 * served by Jersey on Grizzly at {@code http://127.0.0.1:<port>/cafe/} (port {@value #DEFAULT_PORT}, or the system
 * property {@value #PORT_PROPERTY}; {@code 0} picks a free one). It runs until Enter is pressed (or its input ends),
 * then closes. Listening on 127.0.0.1 only: this is a sample, not a server for a network.
 */
public final class CafeCounter implements AutoCloseable {

    /** The port the counter listens on unless {@value #PORT_PROPERTY} names another. */
    public static final int DEFAULT_PORT = 8080;

    /** The system property that overrides {@link #DEFAULT_PORT}. */
    public static final String PORT_PROPERTY = "cafe.http.port";

    /** The counter's Jakarta REST application: it serves the gateways the {@link HttpCounter} declared. */
    public static class CounterApplication extends JunctionHttpApplication {
    }

    private final SeContainer container;
    private final HttpServer server;
    private final URI base;

    private CafeCounter(SeContainer container, HttpServer server, URI base) {
        this.container = container;
        this.server = server;
        this.base = base;
    }

    /**
     * Boots the container and the server.
     *
     * @param port the port on 127.0.0.1, {@code 0} for any free one
     * @param database where the counter's ledger and queues are kept; orders an interrupted counter left unserved
     *                 are served when it opens again on the same database
     * @return the open counter
     */
    public static CafeCounter open(int port, CafeDatabaseFile database) {
        TransactionStore.configure();
        SeContainer container = SeContainerInitializer.newInstance().addExtensions(database)
                .addBeanClasses(HttpCounter.class).initialize();
        try {
            HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://127.0.0.1:" + port + "/cafe/"),
                    ResourceConfig.forApplicationClass(CounterApplication.class), true);
            int bound = server.getListeners().iterator().next().getPort();
            return new CafeCounter(container, server, URI.create("http://127.0.0.1:" + bound + "/cafe/"));
        } catch (RuntimeException failed) {
            container.close();
            throw failed;
        }
    }

    /** @return where the counter's paths start: {@code http://127.0.0.1:<port>/cafe/} */
    public URI base() {
        return base;
    }

    @Override
    public void close() {
        server.shutdownNow();
        container.close();
    }

    /** Opens the counter, prints how to order with curl, and closes when Enter is pressed. */
    public static void main(String[] args) throws IOException {
        try (CafeCounter counter = open(Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT),
                CafeDatabaseFile.fromSystemProperty("counter"))) {
            System.out.println("cafe open at " + counter.base() + "; order with:");
            System.out.println("  curl -i -H 'Content-Type: application/json' -d '{\"hot\":[\"latte\"],"
                    + "\"iced\":[\"lemonade\"]}' " + counter.base() + "orders");
            System.out.println("press Enter to close the cafe");
            int read;
            do {
                read = System.in.read();
            } while (read != '\n' && read >= 0);
        }
    }
}

package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.NioTcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A retry advice around a TCP outbound gateway declared by a CDI {@code Declaration} bean, on Weld: a request whose
 * connection the server drops is sent again on a new connection, and the caller gets the reply of the retry.
 */
@Timeout(60)
class AdvisedOutboundGatewayCdiTest {

    /** The port of the quote server this test starts; the declaration reads it when the container starts. */
    private static volatile int quoteServerPort;

    private final TcpFixture fixture = new TcpFixture();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private WeldContainer container;

    @AfterEach
    void close() throws InterruptedException {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        fixture.close();
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Quotes {
        @Gateway(requestChannel = "quotes")
        String quote(String currency);
    }

    // tag::advised-outbound[]
    @ApplicationScoped
    public static class QuoteClient implements Declaration {
        private final ExecutorService executor = Executors.newCachedThreadPool();

        @Override
        public void declare(Junction junction) {
            TcpConnectionOptions options = TcpFixture.clientOptions(FrameCodecs.crlf(), quoteServerPort).build();
            junction.flow("quotes")
                    .handle(Tcp.outboundGateway(junction,
                                    listener -> new NioTcpClientFactory(TcpFixture.LOOPBACK, options, executor, listener))
                            .remoteTimeout(Duration.ofSeconds(5)).payloadAsString().build())
                    .id("quoteClient")
                    .advice(Advices.retry().maxAttempts(3).build());
        }

        @PreDestroy
        void shutDown() {
            executor.shutdownNow(); // the runtime has stopped the client factory by then
        }
    }
    // end::advised-outbound[]

    /** Drops the connection of the first {@code failures} requests without a reply, answers the others. */
    private void startQuoteServer(int failures) {
        TcpServerFactory server = fixture.startServer(Kind.NIO, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    received.add(text(payload));
                    if (requests.incrementAndGet() <= failures) {
                        connection.close();
                    } else {
                        connection.send(bytes("quote " + text(payload)));
                    }
                });
        quoteServerPort = server.port();
    }

    private WeldContainer startContainer() {
        return new Weld("advised-tcp-outbound").disableDiscovery().addExtension(new JunctionExtension())
                .addBeanClasses(QuoteClient.class, Quotes.class).initialize();
    }

    @Test
    void theRetryAdviceSendsADroppedRequestAgain() {
        startQuoteServer(1);
        container = startContainer();

        assertThat(container.select(Quotes.class).get().quote("EUR")).isEqualTo("quote EUR");
        assertThat(received).containsExactly("EUR", "EUR");
    }

    @Test
    void afterTheLastAttemptTheCallerGetsTheFailure() {
        startQuoteServer(Integer.MAX_VALUE);
        container = startContainer();

        assertThatThrownBy(() -> container.select(Quotes.class).get().quote("GBP")).isNotNull();
        assertThat(received).containsExactly("GBP", "GBP", "GBP");
    }
}

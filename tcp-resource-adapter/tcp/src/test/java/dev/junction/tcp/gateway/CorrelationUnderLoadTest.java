package dev.junction.tcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correlation on a shared connection must be exact: eight threads send unique tokens through one outbound gateway
 * to an echo server, and each must get back its own token every time, never another caller's.
 *
 * <p>Each thread sends 2·10⁴ requests through a blocking client by default (a quarter of that through an NIO
 * client), so that the test takes seconds on two cores; 10⁵ per thread
 * ({@code -Djunction.tcp.loadRequests=100000}) took about 50 s there with the blocking client, all correlated.
 */
@Timeout(120)
class CorrelationUnderLoadTest {

    static final int THREADS = 8;
    /** Requests per thread; the system property {@code junction.tcp.loadRequests} sets another count. */
    static final int REQUESTS = Integer.getInteger("junction.tcp.loadRequests", 20_000);

    private static final System.Logger LOG = System.getLogger(CorrelationUnderLoadTest.class.getName());

    private final TcpFixture fixture = new TcpFixture();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    /** Takes the one reply of a request, on the calling thread: the gateway replies before it returns. */
    private static final class Reply implements MessageChannel {
        Message<?> received;

        @Override
        public boolean send(Message<?> message) {
            received = message;
            return true;
        }

        @Override
        public boolean send(Message<?> message, Duration timeout) {
            return send(message);
        }

        @Override
        public String getName() {
            return "reply";
        }
    }

    static Stream<Arguments> clients() {
        return Stream.of(Arguments.of(Kind.BLOCKING, REQUESTS), Arguments.of(Kind.NIO, REQUESTS / 4));
    }

    @ParameterizedTest(name = "{0} client, {1} requests per thread")
    @MethodSource("clients")
    void eachOfEightCallersGetsItsOwnTokenBackEveryTime(Kind kind, int requests) throws Exception {
        Junction junction = fixture.junction();
        TcpServerFactory echo = fixture.startEchoServer(Kind.BLOCKING, FrameCodecs.lengthHeader(4));
        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, fixture.client(kind,
                TcpFixture.clientOptions(FrameCodecs.lengthHeader(4), echo.port()).tcpNoDelay(true).build()))
                .requestTimeout(Duration.ofSeconds(30)).remoteTimeout(Duration.ofSeconds(30)).build();

        long start = System.nanoTime();
        List<Future<Long>> callers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            callers.add(fixture.executor().submit(() -> mismatches(gateway, thread, requests)));
        }
        long mismatches = 0;
        for (Future<Long> caller : callers) {
            mismatches += caller.get(110, TimeUnit.SECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        long perSecond = THREADS * (long) requests * 1000 / Math.max(1, millis);
        LOG.log(System.Logger.Level.INFO, "{0} client: {1} x {2} requests on one shared connection in {3} ms ({4}"
                + " per second)", kind, THREADS, requests, millis, perSecond);
        assertThat(mismatches).as("replies that were not the caller's own token").isZero();
        assertThat(echo.openConnections()).hasSize(1);
    }

    private static long mismatches(TcpOutboundGateway gateway, int thread, int requests) {
        long wrong = 0;
        Reply reply = new Reply();
        for (int i = 0; i < requests; i++) {
            String token = thread + "/" + i;
            reply.received = null;
            gateway.handleMessage(MessageBuilder.withPayload(token).setReplyChannel(reply).build());
            Object payload = reply.received == null ? null : reply.received.getPayload();
            if (!(payload instanceof byte[] bytes) || !token.equals(new String(bytes, StandardCharsets.UTF_8))) {
                wrong++;
            }
        }
        return wrong;
    }
}

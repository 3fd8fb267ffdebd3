package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime's draining stop and an inbound gateway: a request in progress when the stop begins still gets its
 * reply, a new one is refused, the connections close once done, or at the drain deadline.
 */
@Timeout(60)
class DrainingStopTest {

    private final TcpFixture fixture = new TcpFixture();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<TcpGatewayEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        fixture.close();
    }

    private TcpInboundGateway slowGateway(Junction junction, Kind kind) {
        junction.flow("slow").transform((String request) -> {
            entered.countDown();
            OutboundGatewayTest.await(release);
            return request.toUpperCase();
        });
        TcpInboundGateway gateway = Tcp.inboundGateway(junction, fixture.server(kind,
                        TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("slow").payloadAsString()
                .replyTimeout(Duration.ofSeconds(30)).id("slowServer").register();
        gateway.addEventListener(events::add);
        junction.start();
        return gateway;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRequestInProgressWhenTheStopBeginsStillGetsItsReply(Kind kind) throws Exception {
        Junction junction = fixture.junction();
        TcpInboundGateway gateway = slowGateway(junction, kind);

        try (TelnetClient inProgress = new TelnetClient(port(gateway));
             TelnetClient latecomer = new TelnetClient(port(gateway))) {
            inProgress.write("in progress\r\n");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> stop = fixture.executor().submit(junction::stop);
            await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.isRunning());
            assertThat(gateway.exchangesInProgress()).isEqualTo(1);

            latecomer.write("too late\r\n");
            assertThat(latecomer.readLine()).as("refused: closed").isNull();
            assertThat(stop).isNotDone();
            release.countDown();

            assertThat(inProgress.readLine()).isEqualTo("IN PROGRESS");
            assertThat(stop.get(10, TimeUnit.SECONDS)).as("drained").isTrue();
            assertThat(inProgress.readLine()).as("closed once done").isNull();
        }
        assertThat(gateway.connectionFactory().isRunning()).isFalse();
        assertThat(events).singleElement().isInstanceOf(TcpGatewayEvent.RequestRefused.class);
    }

    @Test
    void theDrainDeadlineClosesTheConnectionsOfExchangesStillInProgress() throws Exception {
        Junction junction = Junction.builder().drainTimeout(Duration.ofMillis(200)).build();
        try {
            TcpInboundGateway gateway = slowGateway(junction, Kind.BLOCKING);
            try (TelnetClient stuck = new TelnetClient(port(gateway))) {
                stuck.write("stuck\r\n");
                assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

                assertThat(junction.stop()).as("drained").isFalse();

                assertThat(stuck.readLine()).as("closed at the deadline").isNull();
            }
            release.countDown();
            await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.connectionFactory().isRunning());
        } finally {
            junction.close();
        }
    }

    @Test
    void aStoppedGatewayStartsAgainAndServes() throws Exception {
        release.countDown();
        Junction junction = fixture.junction();
        TcpInboundGateway gateway = slowGateway(junction, Kind.NIO);

        gateway.stop();
        assertThat(gateway.connectionFactory().isRunning()).isFalse();
        gateway.start();

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("again\r\n");
            assertThat(telnet.readLine()).isEqualTo("AGAIN");
        }
    }
}

package dev.junction.tcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Declaring TCP endpoints: every problem of a declaration reported at once with its code, before anything is
 * registered or started; default ids; declaring on a running runtime.
 */
class DeclarationTest {

    private final TcpFixture fixture = new TcpFixture();
    private final Junction junction = fixture.junction();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    private TcpInboundGatewaySpec gateway() {
        return Tcp.inboundGateway(junction, fixture.server(Kind.BLOCKING,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build()));
    }

    @Test
    void everyProblemOfAnInboundDeclarationIsReportedTogether() {
        assertThatThrownBy(() -> gateway().errorChannel("nowhere").requestTimeout(Duration.ofMillis(-1))
                .replyTimeout(Duration.ofSeconds(-2)).clientMode(true).retryInterval(Duration.ZERO).register())
                .isInstanceOfSatisfying(ConfigurationException.class, invalid -> assertThat(invalid.getProblems())
                        .satisfiesExactlyInAnyOrder(
                                problem -> assertThat(problem).startsWith("JNC-0700 TCP inbound gateway"
                                        + " 'tcp.tcpInboundGateway' has no request channel"),
                                problem -> assertThat(problem).startsWith("JNC-0702").contains("'nowhere'"),
                                problem -> assertThat(problem).startsWith("JNC-0703").contains("requestTimeout"),
                                problem -> assertThat(problem).startsWith("JNC-0703").contains("replyTimeout"),
                                problem -> assertThat(problem).startsWith("JNC-0703").contains("retryInterval"),
                                problem -> assertThat(problem).startsWith("JNC-0707")));
        assertThat(junction.endpoint("tcp.tcpInboundGateway")).isEmpty();
    }

    @Test
    void theRequestChannelIsCreatedWhenNobodyDeclaredItAndIdsAreNumberedWhenTaken() {
        TcpInboundGateway first = gateway().requestChannel("later").register();
        TcpInboundGateway second = gateway().requestChannel("later").register();

        assertThat(first.getId()).isEqualTo("later.tcpInboundGateway");
        assertThat(second.getId()).isEqualTo("later.tcpInboundGateway#2");
        assertThat(junction.channel("later")).isNotNull();
    }

    @Test
    void anIdTakenByAnotherEndpointIsRefused() {
        gateway().requestChannel("orders").id("server").register();

        assertThatThrownBy(() -> gateway().requestChannel("orders").id("server").register())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0214");
    }

    @Test
    void aSpecRegistersOnce() {
        TcpInboundGatewaySpec spec = gateway().requestChannel("orders");
        spec.register();

        assertThatThrownBy(spec::register).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registered already");
    }

    @Test
    void anEndpointDeclaredOnARunningRuntimeStartsAtOnce() throws Exception {
        junction.flow("orders").transform((String order) -> order + " served");
        junction.start();

        TcpInboundGateway late = gateway().requestChannel("orders").payloadAsString().register();

        assertThat(late.isRunning()).isTrue();
        try (TelnetClient telnet = new TelnetClient(((TcpServerFactory) late.connectionFactory()).port())) {
            telnet.write("tea\r\n");
            assertThat(telnet.readLine()).isEqualTo("tea served");
        }
    }

    @Test
    void outboundProblemsAreReportedTogether() {
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, fixture.client(Kind.NIO,
                        TcpFixture.clientOptions(FrameCodecs.raw(), 4).build()))
                .closeStreamAfterSend(true).remoteTimeout("headers[").unsolicitedChannel("nowhere")
                .outputChannel("neither").requestTimeout(Duration.ofMillis(-5)).name("quotes").build())
                .isInstanceOfSatisfying(ConfigurationException.class, invalid -> assertThat(invalid.getProblems())
                        .satisfiesExactlyInAnyOrder(
                                problem -> assertThat(problem).startsWith("JNC-0702 quotes: the unsolicited channel"),
                                problem -> assertThat(problem).startsWith("JNC-0702 quotes: the output channel"),
                                problem -> assertThat(problem).startsWith("JNC-0703 quotes: requestTimeout"),
                                problem -> assertThat(problem).startsWith("JNC-0706 quotes: JNC-0321"),
                                problem -> assertThat(problem).startsWith("JNC-0705 quotes closes the stream")));
    }

    @Test
    void aDeclaredUnsolicitedChannelIsAccepted() {
        junction.register(MessageChannels.queue("late", 10));

        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, fixture.client(Kind.NIO,
                TcpFixture.clientOptions(FrameCodecs.crlf(), 4).build())).unsolicitedChannel("late").build();

        assertThat(gateway.toString()).isEqualTo("TCP outbound gateway to 127.0.0.1:4");
        assertThat(gateway.connectionFactory().isRunning()).isTrue();
        junction.close();
        assertThat(gateway.connectionFactory().isRunning()).as("stopped with the runtime").isFalse();
    }

    @Test
    void anotherRuntimeThanJunctionsOwnIsRefused() {
        Junction foreign = (Junction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Junction.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> Tcp.inboundGateway(foreign, fixture.server(Kind.BLOCKING,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("x").register())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0704");
        assertThatThrownBy(() -> Tcp.outboundAdapter(foreign, fixture.client(Kind.BLOCKING,
                TcpFixture.clientOptions(FrameCodecs.crlf(), 4).build())).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0704");
    }
}

package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodec;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.ip.tcp.TcpInboundGateway;
import org.springframework.integration.ip.tcp.TcpOutboundGateway;
import org.springframework.integration.ip.tcp.connection.AbstractConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNetClientConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;
import org.springframework.integration.ip.tcp.serializer.AbstractByteArraySerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayCrLfSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayLengthHeaderSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayStxEtxSerializer;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Junction's TCP gateways against Spring Integration's, the peers many users run today, over real sockets on
 * 127.0.0.1: Spring's outbound gateway asks Junction's inbound gateway, and Junction's outbound gateway asks Spring's
 * inbound gateway, in each framing both support. The Spring side is started by hand, without an application context.
 */
@Timeout(60)
class SpringInteroperabilityTest {

    /** A framing both sides know, as each side names it. */
    enum Framing {
        CRLF(FrameCodecs::crlf, ByteArrayCrLfSerializer::new),
        STX_ETX(FrameCodecs::stxEtx, ByteArrayStxEtxSerializer::new),
        LENGTH_HEADER_4(() -> FrameCodecs.lengthHeader(4), () -> new ByteArrayLengthHeaderSerializer(4));

        final Supplier<FrameCodec> junction;
        final Supplier<AbstractByteArraySerializer> spring;

        Framing(Supplier<FrameCodec> junction, Supplier<AbstractByteArraySerializer> spring) {
            this.junction = junction;
            this.spring = spring;
        }
    }

    private final TcpFixture fixture = new TcpFixture();
    private final List<Runnable> springStops = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        springStops.forEach(Runnable::run);
        fixture.close();
    }

    private <F extends AbstractConnectionFactory> F framed(F factory, Framing framing) {
        AbstractByteArraySerializer serializer = framing.spring.get();
        factory.setSerializer(serializer);
        factory.setDeserializer(serializer);
        return factory;
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void springsOutboundGatewayAsksJunctionsInboundGateway(Framing framing) {
        Junction junction = fixture.junction();
        junction.flow("fromSpring").transform((String request) -> "junction says " + request.toUpperCase());
        dev.junction.tcp.gateway.TcpInboundGateway inbound = Tcp.inboundGateway(junction, fixture.server(Kind.NIO,
                TcpFixture.serverOptions(framing.junction.get()).build())).requestChannel("fromSpring")
                .payloadAsString().register();
        junction.start();

        TcpNetClientConnectionFactory client = framed(new TcpNetClientConnectionFactory(TcpFixture.LOOPBACK,
                port(inbound)), framing);
        client.afterPropertiesSet();
        client.start();
        springStops.add(client::stop);
        TcpOutboundGateway outbound = new TcpOutboundGateway();
        // a bare bean factory, not an application context: the gateway resolves its channels through one
        outbound.setBeanFactory(new DefaultListableBeanFactory());
        outbound.setConnectionFactory(client);
        outbound.setRemoteTimeout(10_000);
        outbound.afterPropertiesSet();
        outbound.start();
        springStops.add(outbound::stop);

        for (int i = 0; i < 5; i++) {
            QueueChannel replies = new QueueChannel();
            outbound.handleMessage(MessageBuilder.withPayload("hello " + i).setReplyChannel(replies).build());
            Message<?> reply = replies.receive(10_000);
            assertThat(reply).isNotNull();
            assertThat(text(reply.getPayload())).isEqualTo("junction says HELLO " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void junctionsOutboundGatewayAsksSpringsInboundGateway(Framing framing) {
        TcpNetServerConnectionFactory server = framed(new TcpNetServerConnectionFactory(0), framing);
        server.setLocalAddress(TcpFixture.LOOPBACK);
        DirectChannel requests = new DirectChannel();
        requests.subscribe(request -> ((MessageChannel) request.getHeaders().getReplyChannel()).send(MessageBuilder
                .withPayload("spring says " + text(request.getPayload())).copyHeaders(request.getHeaders()).build()));
        TcpInboundGateway inbound = new TcpInboundGateway();
        inbound.setConnectionFactory(server);
        inbound.setRequestChannel(requests);
        inbound.afterPropertiesSet();
        server.afterPropertiesSet();
        inbound.start();
        springStops.add(inbound::stop);
        springStops.add(server::stop);
        await().atMost(Duration.ofSeconds(10)).until(server::isListening);

        Junction junction = fixture.junction();
        dev.junction.tcp.gateway.TcpOutboundGateway outbound = Tcp.outboundGateway(junction,
                fixture.client(Kind.BLOCKING, TcpFixture.clientOptions(framing.junction.get(), server.getPort())
                        .build())).payloadAsString().build();
        junction.flow("requests").handle(outbound);
        OutboundGatewayTest.Caller caller = junction.gateway(OutboundGatewayTest.Caller.class);
        junction.start();

        for (int i = 0; i < 5; i++) {
            assertThat(caller.call("hello " + i)).isEqualTo("spring says hello " + i);
        }
    }
}

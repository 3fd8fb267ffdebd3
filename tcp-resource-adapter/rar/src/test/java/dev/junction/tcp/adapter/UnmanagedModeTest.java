package dev.junction.tcp.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.junction.tcp.connection.TcpConnectionOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The managed connection factory in Java SE, without a server: real sockets to a peer on 127.0.0.1. */
class UnmanagedModeTest {

    private Peer peer;
    private TcpManagedConnectionFactory factory;

    @BeforeEach
    void startPeer() throws Exception {
        peer = new Peer();
        // tag::unmanaged-factory[]
        factory = new TcpManagedConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(peer.port());
        // end::unmanaged-factory[]
    }

    @AfterEach
    void stop() throws Exception {
        factory.shutdown();
        peer.close();
    }

    @Test
    void aConnectionSendsAndReceivesAndClosesWithItsHandle() throws Exception {
        // tag::unmanaged-use[]
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();

        try (TcpClientConnection connection = connections.getConnection()) {
            byte[] reply = connection.sendAndReceive(bytes("hello"));
            // end::unmanaged-use[]
            assertThat(text(reply)).isEqualTo("HELLO");
            assertThat(text(connection.sendAndReceive(bytes("again")))).isEqualTo("AGAIN");
            assertThat(peer.openConnections()).isEqualTo(1);
        }

        await().until(() -> peer.openConnections() == 0);
        assertThat(factory.openConnections()).isZero();
    }

    @Test
    void withACacheSizeClosedConnectionsAreKeptAndReused() throws Exception {
        factory.setCacheSize(2);
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();

        for (int i = 0; i < 5; i++) {
            try (TcpClientConnection connection = connections.getConnection()) {
                assertThat(text(connection.sendAndReceive(bytes("n" + i)))).isEqualTo("N" + i);
            }
        }

        assertThat(peer.openConnections()).isEqualTo(1);
        factory.shutdown();
        await().until(() -> peer.openConnections() == 0);
    }

    @Test
    void noReplyInTimeFailsTheExchangeAndGivesTheConnectionUp() throws Exception {
        factory.setReplyTimeout(200L);
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();
        TcpClientConnection connection = connections.getConnection();

        assertThatThrownBy(() -> connection.sendAndReceive(bytes("silence")))
                .isInstanceOf(MessageTimeoutException.class).hasMessageContaining("PT0.2S");

        assertThatThrownBy(() -> connection.send(bytes("more"))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("closed");
        await().until(() -> peer.openConnections() == 0);
    }

    @Test
    void aClosedHandleRefusesToSend() throws Exception {
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();
        TcpClientConnection connection = connections.getConnection();
        connection.close();
        connection.close();

        assertThatThrownBy(() -> connection.send(bytes("late"))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("handle is closed");
    }

    @Test
    void anUnreachableServerFailsGettingAConnection() throws Exception {
        int port = peer.port();
        peer.close();
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();

        assertThatThrownBy(connections::getConnection).isInstanceOf(ResourceException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void theSerializerFramesTheMessages() throws Exception {
        factory.setSerializer("lf");
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();

        try (TcpClientConnection connection = connections.getConnection()) {
            // the peer answers with CRLF: an LF decoder keeps the CR, which shows the LF codec framed the reply
            assertThat(connection.sendAndReceive(bytes("lf"))).isEqualTo(bytes("LF\r"));
        }
    }

    @Test
    void invalidPropertiesAreCodedAndNamed() {
        assertInvalid(f -> f.setHost(null), "JNC-1102", "property host");
        assertInvalid(f -> f.setPort(70_000), "JNC-1101", "property port is invalid: 70000");
        assertInvalid(f -> f.setSerializer("xml"), "JNC-1100", "property serializer is invalid: xml");
        assertInvalid(f -> f.setMaxMessageSize(0), "JNC-1103", "property maxMessageSize");
        assertInvalid(f -> f.setSoTimeout(-1L), "JNC-1103", "property soTimeout");
        assertInvalid(f -> f.setConnectTimeout(0L), "JNC-1103", "property connectTimeout");
        assertInvalid(f -> f.setReplyTimeout(0L), "JNC-1103", "property replyTimeout");
        assertInvalid(f -> f.setCacheSize(-1), "JNC-1103", "property cacheSize");
        assertInvalid(f -> f.setSendTimeout(0L), "JNC-1106", "property sendTimeout is invalid: 0");
        assertInvalid(f -> f.setSendTimeout(1L << 31), "JNC-1106", "property sendTimeout is invalid: 2147483648");
    }

    @Test
    void theSendTimeoutOfTheDefinitionWinsOverTheAdaptersWhichWinsOverTheDefault() throws Exception {
        assertThat(factory.options().sendTimeout()).isEqualTo(TcpConnectionOptions.DEFAULT_SEND_TIMEOUT);

        TcpResourceAdapter adapter = new TcpResourceAdapter();
        adapter.setSendTimeout(3_000L);
        factory.setResourceAdapter(adapter);
        assertThat(factory.options().sendTimeout()).isEqualTo(Duration.ofSeconds(3));

        factory.setSendTimeout(500L);
        assertThat(factory.options().sendTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anInvalidPropertyFailsGettingAConnectionToo() {
        factory.setSerializer("xml");
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) factory.createConnectionFactory();

        assertThatThrownBy(connections::getConnection).isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("JNC-1100 TcpManagedConnectionFactory property serializer");
    }

    private void assertInvalid(java.util.function.Consumer<TcpManagedConnectionFactory> change, String code,
                               String naming) {
        TcpManagedConnectionFactory invalid = new TcpManagedConnectionFactory();
        invalid.setHost("127.0.0.1");
        invalid.setPort(peer.port());
        change.accept(invalid);
        assertThatThrownBy(invalid::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith(code + " TcpManagedConnectionFactory " + naming);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}

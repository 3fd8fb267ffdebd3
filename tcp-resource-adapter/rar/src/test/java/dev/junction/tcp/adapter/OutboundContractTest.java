package dev.junction.tcp.adapter;

import static dev.junction.tcp.adapter.UnmanagedModeTest.bytes;
import static dev.junction.tcp.adapter.UnmanagedModeTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessagingException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

/**
 * The outbound contract with the server, driven by a harness playing the server's pool and work manager: matching,
 * cleanup against destroy, connection events, validation, metadata, no transaction, and the adapter's stop.
 */
class OutboundContractTest {

    /** Generous: works end on their own threads, later than the call that ends them; a loaded machine is slow. */
    private static final Duration WORKS_SETTLE = Duration.ofMinutes(1);

    private final HarnessWorkManager workManager = new HarnessWorkManager();
    private final TcpResourceAdapter adapter = new TcpResourceAdapter();
    private final HarnessPool pool = new HarnessPool();
    private Peer peer;
    private TcpManagedConnectionFactory factory;
    private TcpClientConnectionFactory connections;

    @BeforeEach
    void deploy() throws Exception {
        peer = new Peer();
        adapter.start(new HarnessBootstrapContext(workManager));
        factory = newFactory();
        factory.setResourceAdapter(adapter);
        connections = (TcpClientConnectionFactory) factory.createConnectionFactory(pool);
    }

    @AfterEach
    void undeploy() throws Exception {
        adapter.stop();
        workManager.close();
        peer.close();
    }

    @Test
    void readersRunAsWorksOfTheWorkManager() throws Exception {
        try (TcpClientConnection connection = connections.getConnection()) {
            assertThat(text(connection.sendAndReceive(bytes("work")))).isEqualTo("WORK");
        }
        // the connection's reader, and the watch that ends writes past the send timeout (blocking factories)
        assertThat(workManager.accepted()).isEqualTo(2);
        await().atMost(WORKS_SETTLE).until(() -> workManager.running() == 2); // a work may still be starting
    }

    @Test
    void aClosedHandleIsCleanedUpAndItsConnectionMatchedAgain() throws Exception {
        TcpClientConnection first = connections.getConnection();
        first.sendAndReceive(bytes("one"));
        first.close();

        try (TcpClientConnection second = connections.getConnection()) {
            assertThat(text(second.sendAndReceive(bytes("two")))).isEqualTo("TWO");
        }

        assertThat(pool.created()).isEqualTo(1);
        assertThat(peer.openConnections()).isEqualTo(1);
        assertThat(pool.events()).containsExactly("closed", "closed");
        assertThatThrownBy(() -> first.send(bytes("stale"))).isInstanceOf(MessagingException.class);
    }

    @Test
    void cleanupInvalidatesHandlesButKeepsTheSocketWhileDestroyClosesIt() throws Exception {
        TcpClientConnection handle = connections.getConnection();
        ManagedConnection managed = pool.all().iterator().next();

        await().until(() -> peer.openConnections() == 1);

        managed.cleanup();
        assertThatThrownBy(() -> handle.send(bytes("x"))).hasMessageContaining("handle is closed");
        TcpClientConnection next = (TcpClientConnection) managed.getConnection(null, null);
        assertThat(text(next.sendAndReceive(bytes("same socket")))).isEqualTo("SAME SOCKET");
        assertThat(peer.openConnections()).isEqualTo(1);

        managed.destroy();
        await().until(() -> peer.openConnections() == 0);
        assertThat(factory.getInvalidConnections(Set.of(managed))).containsExactly(managed);
    }

    @Test
    void aConnectionThePeerClosedIsReportedAndNeverMatched() throws Exception {
        TcpClientConnection handle = connections.getConnection();
        handle.sendAndReceive(bytes("before"));
        ManagedConnection managed = pool.all().iterator().next();

        peer.dropAll();

        await().until(() -> pool.events().stream().anyMatch(event -> event.startsWith("error")));
        assertThat(pool.destroyed()).isEqualTo(1);
        assertThat(factory.matchManagedConnections(Set.of(managed), null, null)).isNull();
        try (TcpClientConnection fresh = connections.getConnection()) {
            assertThat(text(fresh.sendAndReceive(bytes("after")))).isEqualTo("AFTER");
        }
        assertThat(pool.created()).isEqualTo(2);
    }

    @Test
    void matchingNeedsAnEqualFactoryAndAnEqualRequestInfo() throws Exception {
        connections.getConnection().close();
        ManagedConnection managed = pool.all().iterator().next();

        TcpManagedConnectionFactory same = newFactory();
        TcpManagedConnectionFactory other = newFactory();
        other.setReplyTimeout(1234L);

        assertThat(same).isEqualTo(factory).hasSameHashCodeAs(factory);
        assertThat(other).isNotEqualTo(factory);
        assertThat(same.matchManagedConnections(Set.of(managed), null, null)).isSameAs(managed);
        assertThat(other.matchManagedConnections(Set.of(managed), null, null)).isNull();
        assertThat(factory.matchManagedConnections(Set.of(managed), null, new jakarta.resource.spi.ConnectionRequestInfo() {
        })).isNull();
    }

    @Test
    void noTransactionIsOfferedAndTheMetadataNamesThePeer() throws Exception {
        connections.getConnection().close();
        ManagedConnection managed = pool.all().iterator().next();

        assertThatThrownBy(managed::getXAResource).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(managed::getLocalTransaction).isInstanceOf(NotSupportedException.class);
        assertThat(managed.getMetaData().getEISProductName()).contains("127.0.0.1:" + peer.port());
        assertThat(adapter.getXAResources(null)).isEmpty();
    }

    @Test
    void theAdapterPropertiesApplyWhereTheDefinitionSetsNone() throws Exception {
        TcpResourceAdapter lf = new TcpResourceAdapter();
        lf.setSerializer("lf");
        try (HarnessWorkManager works = new HarnessWorkManager()) {
            lf.start(new HarnessBootstrapContext(works));
            TcpManagedConnectionFactory inherits = newFactory();
            inherits.setResourceAdapter(lf);
            TcpManagedConnectionFactory overrides = newFactory();
            overrides.setSerializer("crlf");
            overrides.setResourceAdapter(lf);

            try (TcpClientConnection connection =
                         ((TcpClientConnectionFactory) inherits.createConnectionFactory()).getConnection()) {
                assertThat(connection.sendAndReceive(bytes("a"))).isEqualTo(bytes("A\r"));
            }
            try (TcpClientConnection connection =
                         ((TcpClientConnectionFactory) overrides.createConnectionFactory()).getConnection()) {
                assertThat(connection.sendAndReceive(bytes("b"))).isEqualTo(bytes("B"));
            }
            lf.stop();
            await().atMost(WORKS_SETTLE).until(() -> works.running() == 0); // a work ends just after stop()
        }
    }

    @Test
    void anInvalidAdapterPropertyFailsItsStart() {
        TcpResourceAdapter invalid = new TcpResourceAdapter();
        invalid.setMaxMessageSize(-5);

        assertThatThrownBy(() -> invalid.start(new HarnessBootstrapContext(workManager)))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageStartingWith("JNC-1103 TcpResourceAdapter property maxMessageSize is invalid: -5");
    }

    @Test
    void stoppingTheAdapterClosesEveryConnectionAndEndsEveryWork() throws Exception {
        TcpClientConnection lent = connections.getConnection();
        lent.sendAndReceive(bytes("lent"));
        connections.getConnection().close();
        await().until(() -> peer.openConnections() == 2);

        adapter.stop();

        await().until(() -> peer.openConnections() == 0);
        await().atMost(WORKS_SETTLE).until(() -> workManager.running() == 0); // a work ends just after its socket
        assertThat(factory.openConnections()).isZero();
    }

    private TcpManagedConnectionFactory newFactory() {
        TcpManagedConnectionFactory made = new TcpManagedConnectionFactory();
        made.setHost("127.0.0.1");
        made.setPort(peer.port());
        return made;
    }
}

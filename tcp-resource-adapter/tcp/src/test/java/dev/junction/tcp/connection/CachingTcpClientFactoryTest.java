package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A bounded pool of connections: lent, given back, waited for, and replaced when broken. */
@Timeout(60)
class CachingTcpClientFactoryTest {

    private final CountingExecutor executor = CountingExecutor.cached();
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private TcpServerFactory server;
    private TcpClientFactory target;

    @BeforeEach
    void startServer() {
        server = new BlockingTcpServerFactory(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload));
        server.start();
        target = new NioTcpClientFactory(Kinds.LOOPBACK, Kinds.clientOf(server).singleUse(true).build(), executor,
                (connection, payload) -> replies.add(text(payload)));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        target.stop();
        server.stop();
        executor.close();
    }

    @Test
    void aConnectionGivenBackIsLentAgain() throws Exception {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 2, Duration.ofSeconds(5)));

        TcpConnection first = pool.getConnection();
        String id = first.id();
        first.send(bytes("hello"));
        assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        first.close();

        assertThat(first.isOpen()).isFalse();
        assertThatThrownBy(() -> first.send(bytes("stale"))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("given back to its pool");
        TcpConnection again = pool.getConnection();
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.isOpen()).isTrue();
        pool.release(again);
        assertThat(target.openConnections()).hasSize(1);
    }

    @Test
    void anExhaustedPoolFailsAfterTheWaitTimeout() {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 2, Duration.ofMillis(100)));
        pool.getConnection();
        pool.getConnection();

        assertThatThrownBy(pool::getConnection).isInstanceOf(MessagingException.class)
                .hasMessageContaining("No connection of " + pool + " became free within PT0.1S")
                .hasMessageContaining("all 2 are in use");
    }

    @Test
    void anExhaustedPoolLendsTheFirstConnectionGivenBack() throws Exception {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 1, Duration.ofSeconds(30)));
        TcpConnection lent = pool.getConnection();
        String id = lent.id();
        AtomicReference<Thread> waiter = new AtomicReference<>();

        CompletableFuture<TcpConnection> next = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return pool.getConnection();
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(next).isNotDone();
        lent.close();

        assertThat(next.get(10, TimeUnit.SECONDS).id()).isEqualTo(id);
    }

    @Test
    void aBrokenConnectionIsReplacedAndNeverLentAgain() throws Exception {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 2, Duration.ofSeconds(5)));
        TcpConnection idleOne = pool.getConnection();
        TcpConnection lentOne = pool.getConnection();
        String idleId = idleOne.id();
        String lentId = lentOne.id();
        idleOne.close();

        // The server sets up what it accepted on a task of its own: wait until it has.
        await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections().size() == 2);
        server.openConnections().forEach(TcpConnection::close);
        await().atMost(10, TimeUnit.SECONDS).until(() -> target.openConnections().isEmpty());
        assertThat(lentOne.isOpen()).isFalse();
        lentOne.close();

        TcpConnection fresh = pool.getConnection();
        TcpConnection another = pool.getConnection();
        assertThat(fresh.id()).isNotIn(idleId, lentId);
        assertThat(another.id()).isNotIn(idleId, lentId, fresh.id());
        fresh.send(bytes("works"));
        assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("works");
    }

    @Test
    void aDiscardedConnectionIsClosedAndNeverLentAgain() throws Exception {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 1, Duration.ofSeconds(5)));
        TcpConnection lent = pool.getConnection();
        String id = lent.id();

        pool.discard(lent);

        assertThat(lent.isOpen()).isFalse();
        await().atMost(10, TimeUnit.SECONDS).until(() -> target.openConnections().isEmpty());
        TcpConnection next = pool.getConnection();
        assertThat(next.id()).isNotEqualTo(id);
        next.send(bytes("fresh"));
        assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("fresh");
        assertThatIllegalArgumentException().isThrownBy(() -> pool.discard(target.getConnection()))
                .withMessageContaining("was not lent by");
    }

    @Test
    void aConnectionWhoseOutputWasShutIsClosedWhenGivenBack() {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 1, Duration.ofSeconds(5)));
        TcpConnection lent = pool.getConnection();
        String id = lent.id();

        lent.shutdownOutput();
        lent.close();

        assertThat(pool.getConnection().id()).isNotEqualTo(id);
    }

    @Test
    void theTargetMustBeSingleUseAndConnectionsMustComeFromThePool() {
        TcpClientFactory shared = new NioTcpClientFactory(Kinds.LOOPBACK, Kinds.clientOf(server).build(), executor,
                (connection, payload) -> { });
        assertThatIllegalArgumentException().isThrownBy(() -> new CachingTcpClientFactory(shared))
                .withMessageContaining("must be single-use");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CachingTcpClientFactory(target, 0, Duration.ZERO))
                .withMessageContaining("poolSize must be at least 1, was 0");

        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target));
        TcpConnection foreign = target.getConnection();
        assertThatIllegalArgumentException().isThrownBy(() -> pool.release(foreign))
                .withMessageContaining("was not lent by");
    }

    @Test
    void aThreadIsLentTheConnectionItGaveBackLastRatherThanTheMostRecentOne() throws Exception {
        CachingTcpClientFactory pool = started(new CachingTcpClientFactory(target, 2, Duration.ofSeconds(5)));
        TcpConnection mine = pool.getConnection();
        String myId = mine.id();
        TcpConnection theirs = CompletableFuture.supplyAsync(pool::getConnection).get(30, TimeUnit.SECONDS);
        String theirId = theirs.id();

        mine.close();
        CompletableFuture.runAsync(theirs::close).get(30, TimeUnit.SECONDS); // now the most recently given back

        TcpConnection again = pool.getConnection();
        assertThat(again.id()).as("the connection this thread gave back").isEqualTo(myId).isNotEqualTo(theirId);
        assertThat(CompletableFuture.supplyAsync(() -> pool.getConnection().id()).get(30, TimeUnit.SECONDS))
                .as("another thread: the other idle connection").isEqualTo(theirId);
    }

    @Test
    void lentConnectionsAreReadByTheirBorrowersOnceCallerReadsAreEnabled() {
        CachingTcpClientFactory pool = new CachingTcpClientFactory(target, 2, Duration.ofSeconds(5));
        assertThat(pool.enableCallerReads()).isTrue();
        pool.start();

        TcpConnection lent = pool.getConnection();
        assertThat(lent).isInstanceOf(CallerReadConnection.class);
        CallerReadConnection connection = (CallerReadConnection) lent;
        assertThat(connection.prepareExchange()).isTrue();
        connection.send(bytes("read by me"));
        assertThat(text(connection.receive(Duration.ofSeconds(30)))).isEqualTo("read by me");
        assertThat(replies).as("nothing went through the listener").isEmpty();
        lent.close();
        assertThatThrownBy(() -> connection.receive(Duration.ofSeconds(1))).isInstanceOf(MessagingException.class)
                .hasMessageContaining("given back to its pool");
        assertThatThrownBy(pool::enableCallerReads).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callerReadsCannotBeEnabledOnATargetThatRunsAlready() {
        target.start();
        CachingTcpClientFactory pool = new CachingTcpClientFactory(target, 2, Duration.ofSeconds(5));

        assertThat(pool.enableCallerReads()).isFalse();
        pool.start();
        assertThat(pool.getConnection()).isNotInstanceOf(CallerReadConnection.class);
    }

    private CachingTcpClientFactory started(CachingTcpClientFactory pool) {
        pool.start();
        return pool;
    }
}

package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The correlator decides each exchange's outcome once: a reply, the connection's end or the requester giving up,
 * whichever comes first; what comes after goes to the unsolicited channel, or nowhere.
 */
@Timeout(60)
class ReplyCorrelatorTest {

    private final List<Message<?>> unsolicited = new CopyOnWriteArrayList<>();
    private final ReplyCorrelator correlator = new ReplyCorrelator(new UnsolicitedMessages(new Collecting(),
            new TcpMessageMapper(StandardCharsets.UTF_8, true), Duration.ofSeconds(1), "test"), "test");
    private final ExecutorService racers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        racers.shutdownNow();
    }

    private final class Collecting implements MessageChannel {
        @Override
        public boolean send(Message<?> message) {
            unsolicited.add(message);
            return true;
        }

        @Override
        public boolean send(Message<?> message, Duration timeout) {
            return send(message);
        }

        @Override
        public String getName() {
            return "unsolicited";
        }
    }

    /** A connection that only has an id and addresses. */
    private record Connection(String id) implements TcpConnection {
        @Override
        public void send(byte[] payload) {
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public String remoteHost() {
            return "127.0.0.1";
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 4242);
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 4343);
        }
    }

    @Test
    void theFirstPayloadIsTheReplyAndTheNextIsUnsolicited() {
        Connection connection = new Connection("c1");
        PendingReply exchange = correlator.expect(connection);

        correlator.onMessage(connection, bytes("reply"));
        correlator.onMessage(connection, bytes("push"));

        assertThat(exchange.await(Duration.ofSeconds(1))).isInstanceOfSatisfying(PendingReply.Outcome.Replied.class,
                replied -> assertThat(replied.payload()).isEqualTo(bytes("reply")));
        assertThat(unsolicited).extracting(message -> (Object) message.getPayload()).containsExactly("push");
        assertThat(correlator.unresolved("c1")).isNull();
    }

    @Test
    void aReplyAfterTheRequesterGaveUpIsLateAndResolvesTheExchange() {
        Connection connection = new Connection("c1");
        PendingReply exchange = correlator.expect(connection);

        assertThat(exchange.await(Duration.ofMillis(1))).isInstanceOf(PendingReply.Outcome.TimedOut.class);
        assertThat(correlator.unresolved("c1")).as("the reply is still expected").isSameAs(exchange);
        correlator.onMessage(connection, bytes("late"));

        assertThat(unsolicited).extracting(message -> (Object) message.getPayload()).containsExactly("late");
        assertThat(correlator.unresolved("c1")).isNull();
        assertThat(exchange.awaitResolved(0)).isTrue();
    }

    @Test
    void theConnectionsEndFailsTheExchangeWithTheIoErrorBeforeIt() {
        Connection connection = new Connection("c1");
        PendingReply exchange = correlator.expect(connection);

        correlator.onEvent(new TcpConnectionEvent.ExceptionOccurred(connection, new IOException("reset by peer")));
        correlator.onEvent(new TcpConnectionEvent.Closed(connection));

        assertThat(exchange.await(Duration.ofSeconds(1))).isInstanceOfSatisfying(PendingReply.Outcome.Failed.class,
                failed -> assertThat(failed.cause()).hasMessageContaining("closed before the reply arrived: reset"
                        + " by peer"));
        assertThat(correlator.unresolved("c1")).isNull();
    }

    @Test
    void aConnectionAwaitsOneReplyAtATime() {
        Connection connection = new Connection("c1");
        correlator.expect(connection);

        assertThatIllegalStateException().isThrownBy(() -> correlator.expect(connection))
                .withMessageContaining("already awaits a reply");
    }

    /** A reply, the connection's end and the timeout race: each exchange has one outcome, and nothing is lost. */
    @Test
    void aReplyRacingWithTheEndOfItsConnectionIsEitherTheReplyOrUnsolicitedNeverBoth() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        int replied = 0;
        int rounds = 5_000;
        for (int i = 0; i < rounds; i++) {
            Connection connection = new Connection("race" + i);
            PendingReply exchange = correlator.expect(connection);
            Future<?> reply = racers.submit(() -> {
                start.await();
                correlator.onMessage(connection, bytes("reply"));
                return null;
            });
            Future<?> end = racers.submit(() -> {
                start.await();
                correlator.onEvent(new TcpConnectionEvent.Closed(connection));
                return null;
            });
            reply.get(10, TimeUnit.SECONDS);
            end.get(10, TimeUnit.SECONDS);
            PendingReply.Outcome outcome = exchange.await(Duration.ofSeconds(10));
            if (outcome instanceof PendingReply.Outcome.Replied) {
                replied++;
            } else {
                assertThat(outcome).isInstanceOf(PendingReply.Outcome.Failed.class);
            }
            assertThat(correlator.unresolved(connection.id())).isNull();
        }
        assertThat(replied + unsolicited.size()).as("each reply counted once, as the reply or unsolicited")
                .isEqualTo(rounds);
    }
}

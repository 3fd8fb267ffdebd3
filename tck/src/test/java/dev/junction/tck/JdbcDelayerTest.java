package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.tck.support.Attempts;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.JdbcTables;
import dev.junction.tck.support.TestDatabase;
import dev.junction.tck.support.Threads;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delayer, declared by a {@code Declaration} bean, keeping its messages in Junction's JDBC message group store on
 * the container's own data source, inside the container's JTA transactions: a send whose transaction rolls back
 * leaves nothing in the store; one that commits is released after the delay; a release is a transaction of its own,
 * so until it commits other connections still see the message in the store, and a release that fails rolls back its
 * claim and the flow's database write, and is tried again.
 */
@ExtendWith(ArquillianExtension.class)
class JdbcDelayerTest {

    private static final String DELAYED = "tckJdbcDelayed";
    private static final String DELAYER = "tckJdbcDelay";
    private static final Duration DELAY = Duration.ofMillis(300);

    @Deployment
    static WebArchive deployment() {
        return Deployments.withDatabase(Deployments.war(JdbcDelayerTest.class, BeanDiscovery.ALL, JdbcTables.class,
                Attempts.class));
    }

    @Dependent
    public static class Producers {
        @Produces
        @ApplicationScoped
        MessageGroupStore groups(JdbcTables tables) {
            return tables.stores().messageGroupStore();
        }
    }

    /** The end of the delayer's flow; notes how many messages other connections saw in the store meanwhile. */
    @ApplicationScoped
    public static class Kitchen {
        @Inject
        Attempts attempts;
        @Inject
        MessageGroupStore groups;

        private final Map<String, Instant> releasedAt = new ConcurrentHashMap<>();
        private final Map<String, Integer> storedAsOthersSee = new ConcurrentHashMap<>();

        public void cook(String dish) {
            releasedAt.putIfAbsent(dish, Instant.now());
            // the claim is part of the release's transaction: until it commits, other connections still see the message
            storedAsOthersSee.putIfAbsent(dish, Threads.onNewThread(() -> groups.messageGroupSize(DELAYER)));
            attempts.attempt("delayed", dish);
        }

        public Map<String, Instant> releasedAt() {
            return Map.copyOf(releasedAt);
        }

        public Map<String, Integer> storedAsOthersSee() {
            return Map.copyOf(storedAsOthersSee);
        }
    }

    @ApplicationScoped
    public static class DelayedFlow implements Declaration {
        @Inject
        MessageGroupStore groups;
        @Inject
        Kitchen kitchen;

        @Override
        public void declare(Junction junction) {
            junction.flow(DELAYED).delay(DelayerSpec.withDefaultDelay(DELAY).messageStore(groups)
                    .retryBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))).id(DELAYER).handle(kitchen, "cook");
        }
    }

    /** Sends in a transaction of the container's, then fails if asked to, rolling everything back. */
    @ApplicationScoped
    public static class Sender {
        @Inject
        Junction junction;

        @Transactional
        public void send(String payload, boolean fail) {
            junction.channel(DELAYED).send(Message.of(payload));
            if (fail) {
                throw new IllegalStateException("the sender of " + payload + " failed after sending");
            }
        }
    }

    @Inject
    Junction junction;

    @Inject
    TestDatabase db;

    @Inject
    Sender sender;

    @Inject
    Attempts attempts;

    @Inject
    Kitchen kitchen;

    @Inject
    MessageGroupStore groups;

    /** The committed rows, as a thread outside this one's request context and transaction sees them. */
    private List<String> committed() {
        return Threads.onNewThread(db::committedRows);
    }

    @Test
    void aSendThatRollsBackLeavesNothingAndOneThatCommitsIsReleasedAfterTheDelay() {
        assertThatThrownBy(() -> sender.send("rolled-back-soup", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed after sending");
        assertThat(Threads.onNewThread(() -> groups.messageGroupSize(DELAYER))).isZero();

        Instant sent = Instant.now();
        sender.send("stew", false);

        await().atMost(Waiting.PATIENCE).until(() -> committed().contains("delayed-stew-1"));
        assertThat(kitchen.releasedAt().get("stew")).isAfterOrEqualTo(sent.plus(DELAY));
        assertThat(kitchen.storedAsOthersSee().get("stew")).isEqualTo(1);
        // the rolled-back message would have been due before the committed one
        assertThat(attempts.of("delayed", "rolled-back-soup")).isZero();
        await().atMost(Waiting.PATIENCE).until(() -> groups.messageGroupSize(DELAYER) == 0);
    }

    @Test
    void aReleaseThatFailsRollsBackItsClaimAndItsWriteAndIsTriedAgain() {
        junction.channel(DELAYED).send(Message.of("fail-once-pie"));

        await().atMost(Waiting.PATIENCE).until(() -> committed().contains("delayed-fail-once-pie-2"));
        assertThat(attempts.of("delayed", "fail-once-pie")).isEqualTo(2);
        assertThat(committed()).doesNotContain("delayed-fail-once-pie-1");
        assertThat(kitchen.storedAsOthersSee().get("fail-once-pie")).isEqualTo(1);
        await().atMost(Waiting.PATIENCE).until(() -> groups.messageGroupSize(DELAYER) == 0);
    }
}

package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import dev.junction.tck.support.Threads;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delayer declared by a {@code Declaration} bean, with an in-memory store: a message is released after its delay on
 * the container's managed scheduled executor (Junction's own scheduler on Weld embedded); sent inside a
 * {@code @Transactional} method, it is released only when the transaction commits, and a rollback leaves nothing in
 * the store, with the container's transaction manager found by the extension.
 */
@ExtendWith(ArquillianExtension.class)
class DelayerTest {

    private static final String EXPECTED = "delayer-expected.txt";
    private static final String DELAYER = "tckCooling";
    private static final Duration DELAY = Duration.ofMillis(500);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(DelayerTest.class, BeanDiscovery.ALL).addAsResource(
                new StringAsset(TckContainer.current().pollerThreadPrefix() + "\n"), EXPECTED);
    }

    @Dependent
    public static class Stores {
        @Produces
        @ApplicationScoped
        MessageGroupStore cooling() {
            return new InMemoryMessageGroupStore();
        }
    }

    /** Where released messages go: each dish with when and on which thread it arrived. */
    @ApplicationScoped
    public static class Kitchen {
        private final Map<String, Instant> cookedAt = new ConcurrentHashMap<>();
        private final Map<String, String> cookedOn = new ConcurrentHashMap<>();

        public void cook(String dish) {
            cookedAt.put(dish, Instant.now());
            cookedOn.put(dish, Thread.currentThread().getName());
        }

        public Map<String, Instant> cookedAt() {
            return Map.copyOf(cookedAt);
        }

        public Map<String, String> cookedOn() {
            return Map.copyOf(cookedOn);
        }
    }

    @ApplicationScoped
    public static class CoolingFlow implements Declaration {
        @Inject
        MessageGroupStore store;
        @Inject
        Kitchen kitchen;

        @Override
        public void declare(Junction junction) {
            junction.flow("tckCoolingOrders").delay(DelayerSpec.withDefaultDelay(DELAY).messageStore(store))
                    .id(DELAYER).handle(kitchen, "cook");
        }
    }

    /** Sends in a transaction of the container's, notes how many messages the delayer held inside it, may fail. */
    @ApplicationScoped
    public static class Waiter {
        @Inject
        Junction junction;
        @Inject
        MessageGroupStore store;

        private volatile int waitingInside = -1;

        @Transactional
        public void order(String dish, boolean fail) {
            junction.channel("tckCoolingOrders").send(Message.of(dish));
            waitingInside = store.messageGroupSize(DELAYER);
            if (fail) {
                throw new IllegalStateException("the guest left before " + dish + " was served");
            }
        }

        public int waitingInside() {
            return waitingInside;
        }
    }

    @Inject
    Junction junction;

    @Inject
    Kitchen kitchen;

    @Inject
    Waiter waiter;

    @Inject
    MessageGroupStore store;

    /** The deployment carries the expectation to a server; Weld embedded reads it from the profile's container. */
    private static String releaseThreadPrefix() throws IOException {
        try (InputStream in = DelayerTest.class.getClassLoader().getResourceAsStream(EXPECTED)) {
            if (in == null) {
                return TckContainer.current().pollerThreadPrefix();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void aMessageIsReleasedAfterItsDelayOnTheContainersScheduler() throws IOException {
        Instant sent = Instant.now();
        junction.channel("tckCoolingOrders").send(Message.of("soup"));

        await().atMost(Waiting.PATIENCE).until(() -> kitchen.cookedAt().containsKey("soup"));
        assertThat(kitchen.cookedAt().get("soup")).isAfterOrEqualTo(sent.plus(DELAY));
        assertThat(kitchen.cookedOn().get("soup")).startsWith(releaseThreadPrefix());
        assertThat(store.messageGroupSize(DELAYER)).isZero();
        assertThat(junction.endpoint(DELAYER + ".releases").orElseThrow().isRunning()).isTrue();
    }

    @Test
    void aRolledBackSendLeavesNothingAndACommittedOneIsReleased() {
        assertThatThrownBy(() -> waiter.order("rolled-back-stew", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the guest left");
        assertThat(waiter.waitingInside()).isEqualTo(1); // stored while the transaction ran
        assertThat(Threads.onNewThread(() -> store.messageGroupSize(DELAYER))).isZero();

        Instant committed = Instant.now();
        waiter.order("stew", false);

        await().atMost(Waiting.PATIENCE).until(() -> kitchen.cookedAt().containsKey("stew"));
        assertThat(kitchen.cookedAt().get("stew")).isAfterOrEqualTo(committed.plus(DELAY));
        // the rolled-back message would have been due before the committed one
        assertThat(kitchen.cookedAt()).doesNotContainKey("rolled-back-stew");
        assertThat(store.messageGroupSize(DELAYER)).isZero();
    }
}

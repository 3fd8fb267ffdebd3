package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delayer declared under CDI finds the container's transaction manager (Narayana's CDI module in Weld SE) without
 * being given one: a message sent in a {@code @Transactional} method that rolls back is taken out of the store and
 * never scheduled; one whose transaction commits is released.
 */
class DelayerTransactionCdiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ApplicationScoped
    public static class Stores {
        @Produces
        @ApplicationScoped
        MessageGroupStore delayed() {
            return new InMemoryMessageGroupStore();
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        final List<Object> cooked = new CopyOnWriteArrayList<>();

        public void cook(String order) {
            cooked.add(order);
        }

        public List<Object> cooked() { // through the client proxy, whose own fields are empty
            return List.copyOf(cooked);
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
            junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(50)).messageStore(store))
                    .id("cooling").handle(kitchen, "cook");
        }
    }

    @ApplicationScoped
    public static class Waiter {
        @Inject
        Junction junction;
        @Inject
        MessageGroupStore store;
        final List<Integer> storedInTransaction = new CopyOnWriteArrayList<>();

        @Transactional
        public void order(String dish, boolean fail) {
            junction.channel("orders").send(Message.of(dish));
            storedInTransaction.add(store.messageGroupSize("cooling"));
            if (fail) {
                throw new IllegalStateException("the guest left");
            }
        }

        public List<Integer> storedInTransaction() {
            return List.copyOf(storedInTransaction);
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @Test
    void aRolledBackOrderLeavesNothingAndACommittedOneIsReleased() {
        container = JtaContainers.start("delayer-jta", Stores.class, Kitchen.class, CoolingFlow.class, Waiter.class);
        Waiter waiter = container.select(Waiter.class).get();
        Kitchen kitchen = container.select(Kitchen.class).get();
        MessageGroupStore store = container.select(MessageGroupStore.class).get();

        assertThatThrownBy(() -> waiter.order("soup", true)).hasMessage("the guest left");
        assertThat(waiter.storedInTransaction()).containsExactly(1);
        assertThat(store.messageGroupSize("cooling")).isZero(); // the rollback took it out of the in-memory store

        waiter.order("stew", false);
        await().atMost(WAIT).until(() -> kitchen.cooked().size() == 1);
        assertThat(kitchen.cooked()).containsExactly("stew");
        assertThat(store.messageGroupSize("cooling")).isZero();
    }
}

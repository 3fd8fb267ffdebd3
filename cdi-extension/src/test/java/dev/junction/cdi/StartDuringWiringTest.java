package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A container may initialize the application context on another thread while deployment validation is still wiring
 * the runtime: the start then waits until every endpoint and declared flow is wired, so the application's observers
 * of that event, which run after the extension's, send into started flows. The interleaving is forced: a
 * {@link Declaration}, called while the runtime is wired, has another thread fire the event and goes on declaring its
 * flow only once that thread has either finished (the start did not wait) or waits in or at the extension's
 * observer. OpenWebBeans calls the observer at once, and without the wait started the runtime half-wired (the flow's
 * declaration then failed with JNC-0614, the send found no subscriber); Weld calls an extension's observer methods
 * one at a time, holding the extension's monitor, so there the thread waits at the observer until validation is over.
 */
class StartDuringWiringTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The payload of the event fired during validation, told apart from the container's own. */
    static final String DURING_WIRING = "fired while the runtime is wired";

    @MessagingGateway(defaultRequestChannel = "orders")
    public interface Orders {
        void place(String order);
    }

    /** Sends when the application context is initialized, as application code does, and keeps what went wrong. */
    @ApplicationScoped
    public static class EagerSender {
        @Inject
        Orders orders;
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();

        void send(@Observes @Initialized(ApplicationScoped.class) Object event) {
            if (!DURING_WIRING.equals(event)) {
                return;
            }
            try {
                orders.place("order-1");
            } catch (RuntimeException failed) {
                failures.add(failed.toString());
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        private final Queue<String> cooked = new ConcurrentLinkedQueue<>();

        void cook(String order) {
            cooked.add(order);
        }

        List<String> cooked() {
            return List.copyOf(cooked);
        }
    }

    /** Has the event fired on another thread in the middle of the wiring, then declares the flow it sends into. */
    @ApplicationScoped
    public static class KitchenFlow implements Declaration {
        @Inject
        BeanManager beanManager;
        @Inject
        Kitchen kitchen;
        private volatile Thread initializer;

        @Override
        public void declare(Junction junction) {
            initializer = new Thread(() -> beanManager.getEvent().select(Initialized.Literal.APPLICATION)
                    .fire(DURING_WIRING), "application-initializer");
            initializer.start();
            await().atMost(PATIENCE).until(() -> !initializer.isAlive() || waitsAtTheExtension(initializer));
            junction.flow("orders").handle((String order) -> {
                kitchen.cook(order);
                return null;
            });
        }

        Thread initializer() {
            return initializer;
        }

        /** Waiting in the extension's observer, or blocked by Weld before it: Weld's class calling it is named. */
        private static boolean waitsAtTheExtension(Thread thread) {
            Thread.State state = thread.getState();
            return (state == Thread.State.WAITING || state == Thread.State.BLOCKED) && Stream.of(thread.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals(JunctionExtension.class.getName())
                            && frame.getMethodName().equals("startWithApplication")
                            || frame.getClassName().equals("org.jboss.weld.event.ExtensionObserverMethodImpl"));
        }
    }

    /** Has the event fired on the validating thread itself, while the runtime is wired. */
    @ApplicationScoped
    public static class SameThreadFlow implements Declaration {
        @Inject
        BeanManager beanManager;

        @Override
        public void declare(Junction junction) {
            beanManager.getEvent().select(Initialized.Literal.APPLICATION).fire(DURING_WIRING);
        }
    }

    private static final Class<?>[] APPLICATION = {Orders.class, EagerSender.class, Kitchen.class, KitchenFlow.class};

    @Test
    void onOpenWebBeansAStartSignalledWhileTheRuntimeIsWiredWaitsForTheWiring() throws InterruptedException {
        var container = Containers.startOpenWebBeans(APPLICATION);
        try {
            assertSentIntoStartedFlows(container);
        } finally {
            container.close();
        }
    }

    @Test
    void onWeldAStartSignalledWhileTheRuntimeIsWiredWaitsForTheWiring() throws InterruptedException {
        var container = Containers.start("start-during-wiring", APPLICATION);
        try {
            assertSentIntoStartedFlows(container);
        } finally {
            container.shutdown();
        }
    }

    /** The runtime can neither start half-wired nor wait for its own thread: the deployment fails and says why. */
    @Test
    void anApplicationStartSignalledOnTheWiringThreadFailsTheDeployment() {
        assertThatThrownBy(() -> Containers.start("start-on-wiring-thread", Orders.class, EagerSender.class,
                Kitchen.class, SameThreadFlow.class).shutdown())
                .hasMessageContaining("JNC-0525")
                .hasMessageContaining("initialized while the Junction extension was wiring the runtime")
                .hasMessageContaining("on the same thread");
    }

    private static void assertSentIntoStartedFlows(SeContainer container) throws InterruptedException {
        Thread initializer = container.select(KitchenFlow.class).get().initializer();
        initializer.join(PATIENCE.toMillis());
        assertThat(initializer.isAlive()).as("the initializing thread is done").isFalse();
        assertThat(container.select(EagerSender.class).get().failures()).as("sends that failed").isEmpty();
        Kitchen kitchen = container.select(Kitchen.class).get();
        await().atMost(PATIENCE).until(() -> kitchen.cooked().size() >= 1);
        assertThat(kitchen.cooked()).containsExactly("order-1");
    }
}

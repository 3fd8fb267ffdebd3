package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessagingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two senders call gateways without pause while the container is shut down and a new one started. Every call
 * either succeeds, and then its message is fully processed, or is refused with a precise {@code JNC-0424} (the
 * application is stopping) or because the old container is closed; no call meets a channel without subscribers,
 * and no accepted message is lost, though the queue in the middle of the flow is full when the stop begins.
 */
class RestartUnderLoadTest {

    /** What the cooks processed, across both containers: number to how many times. */
    static final Map<Integer, AtomicInteger> COOKED = new ConcurrentHashMap<>();

    @MessagingGateway(defaultRequestChannel = "orders")
    public interface Orders {
        void place(int number);
    }

    @MessagingGateway(defaultRequestChannel = "tickets", defaultReplyTimeout = MessagingGateway.UNBOUNDED)
    public interface Tickets {
        int serve(int number);
    }

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("kitchen")
        PollableChannel kitchen() {
            return MessageChannels.queue("kitchen", 200);
        }

        @Produces
        @ApplicationScoped
        @Channel("tickets")
        PollableChannel tickets() {
            return MessageChannels.queue("tickets", 50);
        }
    }

    @ApplicationScoped
    public static class Counter {
        @ServiceActivator(inputChannel = "orders", outputChannel = "kitchen")
        public int pass(int number) {
            return number;
        }
    }

    @ApplicationScoped
    public static class Cook {
        @ServiceActivator(inputChannel = "kitchen")
        @Poller(fixedDelay = 1, receiveTimeout = 5)
        public void cook(int number) {
            LockSupport.parkNanos(50_000); // cooking takes a little while, so the kitchen queue fills up
            COOKED.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
        }

        @ServiceActivator(inputChannel = "tickets")
        @Poller(fixedDelay = 1, receiveTimeout = 5)
        public int serve(int number) {
            return -number;
        }
    }

    private static final Class<?>[] APPLICATION = {Orders.class, Tickets.class, Queues.class, Counter.class, Cook.class};

    private final AtomicReference<WeldContainer> current = new AtomicReference<>();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final AtomicInteger nextNumber = new AtomicInteger();
    private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeContainer() {
        sending.set(false);
        WeldContainer container = current.getAndSet(null);
        if (container != null && container.isRunning()) {
            container.close();
        }
        COOKED.clear();
    }

    @Test
    void continuousSendingAcrossARestartLosesNothingAndNeverFindsNoSubscribers() throws Exception {
        current.set(Containers.start("restart-1", APPLICATION));
        Thread orders = sender("orders", this::placeOrder);
        Thread tickets = sender("tickets", this::serveTicket);

        await().atMost(Duration.ofSeconds(30)).failFast(this::unexpectedFailure)
                .until(() -> accepted.size() >= 300 && served.get() >= 300);
        WeldContainer first = current.get();
        first.close(); // the senders keep calling the first container's gateways meanwhile
        int acceptedByFirst = accepted.size();
        int servedByFirst = served.get();
        current.set(Containers.start("restart-2", APPLICATION));

        await().atMost(Duration.ofSeconds(30)).failFast(this::unexpectedFailure)
                .until(() -> accepted.size() >= acceptedByFirst + 300
                && served.get() >= servedByFirst + 300);
        sending.set(false);
        orders.join(Duration.ofSeconds(30).toMillis());
        tickets.join(Duration.ofSeconds(30).toMillis());
        current.getAndSet(null).close();

        assertThat(unexpected).as("failures other than a refusal by a stopping or closed application").isEmpty();
        assertThat(refused.get()).as("calls refused during the restart").isPositive();
        assertThat(COOKED).as("every accepted order, and nothing else, was cooked").containsOnlyKeys(accepted);
        assertThat(COOKED.values()).as("each exactly once").allMatch(count -> count.get() == 1);
    }

    /** Stops waiting at the first unexpected failure of a sender, and shows it. */
    private void unexpectedFailure() {
        if (!unexpected.isEmpty()) {
            throw new AssertionError("a sender failed unexpectedly", unexpected.get(0));
        }
    }

    private void placeOrder(WeldContainer container, int number) {
        container.select(Orders.class).get().place(number);
        accepted.add(number);
    }

    private void serveTicket(WeldContainer container, int number) {
        int reply = container.select(Tickets.class).get().serve(number);
        assertThat(reply).isEqualTo(-number);
        served.incrementAndGet();
    }

    private interface Call {
        void make(WeldContainer container, int number);
    }

    /** Calls without pause, always on the newest container; a refusal is counted, anything else is kept. */
    private Thread sender(String name, Call call) {
        Thread thread = new Thread(() -> {
            while (sending.get()) {
                WeldContainer container = current.get();
                if (container == null) {
                    Thread.onSpinWait();
                    continue;
                }
                try {
                    call.make(container, nextNumber.incrementAndGet());
                } catch (RuntimeException failure) {
                    if (isRefusal(failure)) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.add(failure);
                        return;
                    }
                } catch (AssertionError wrong) {
                    unexpected.add(wrong);
                    return;
                }
            }
        }, "sender-" + name);
        thread.start();
        return thread;
    }

    /**
     * A call on a stopping application is refused with JNC-0424; once the old container is closed its gateways and
     * the container itself say so (IllegalStateException).
     */
    private static boolean isRefusal(RuntimeException failure) {
        if (failure instanceof MessagingException refusal) {
            return String.valueOf(refusal.getMessage()).contains("JNC-0424");
        }
        return failure instanceof IllegalStateException && !String.valueOf(failure.getMessage()).contains("subscri");
    }
}

package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.DefaultPoller;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.api.runtime.Junction;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import dev.junction.impl.endpoint.AbstractPollingEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller snippets of docs/cdi.adoc: the default poller, and the beans {@code @Poller} names. */
class CdiPollersGuideTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    private PollableChannel queue(String name) {
        return container.select(PollableChannel.class, Channel.Literal.of(name)).get();
    }

    // --- the default poller --------------------------------------------------------------------------------------

    @Dependent
    public static class DefaultPollerConfig {
        // tag::default-poller[]
        @Produces @Singleton @DefaultPoller
        PollerMetadata defaultPoller() {
            return PollerSpec.fixedDelay(Duration.ofMillis(100)).maxMessagesPerPoll(10).build();
        }
        // end::default-poller[]

        @Produces @ApplicationScoped @Channel("tickets")
        PollableChannel tickets() {
            return MessageChannels.queue("tickets");
        }
    }

    @ApplicationScoped
    public static class Printer {
        private final List<String> printed = new CopyOnWriteArrayList<>();

        /** A pollable input and no @Poller: the default poller polls it. */
        @ServiceActivator(inputChannel = "tickets", id = "ticketPrinter")
        public void print(String ticket) {
            printed.add(ticket);
        }

        List<String> printed() {
            return List.copyOf(printed);
        }
    }

    @Test
    void theDefaultPollerPollsAnEndpointWithoutPoller() {
        container = CdiGuideTest.start("guide-default-poller", DefaultPollerConfig.class, Printer.class);

        queue("tickets").send(Message.of("table 4"));
        queue("tickets").send(Message.of("table 7"));

        Printer printer = container.select(Printer.class).get();
        await().atMost(PATIENCE).until(() -> printer.printed().size() == 2);
        assertThat(printer.printed()).containsExactly("table 4", "table 7");
        AbstractPollingEndpoint endpoint = (AbstractPollingEndpoint) container.select(Junction.class).get()
                .endpoint("ticketPrinter").orElseThrow();
        assertThat(endpoint.getPoller().maxMessagesPerPoll()).isEqualTo(10);
        assertThat(endpoint.getPoller().trigger())
                .isSameAs(container.select(PollerMetadata.class, DefaultPoller.Literal.INSTANCE).get().trigger());
    }

    // --- triggers, task executors and advices named on @Poller ---------------------------------------------------

    public record Drink(String name) {
    }

    @Dependent
    public static class PollerBeans {
        // tag::poller-beans[]
        @Produces @Singleton @Named("adaptive")
        DynamicPeriodicTrigger adaptive() {
            return new DynamicPeriodicTrigger(Duration.ofMillis(100));
        }

        @Produces @Singleton @Named("pollers")
        ExecutorService pollers() {
            return Executors.newFixedThreadPool(4);
        }

        void close(@Disposes @Named("pollers") ExecutorService pool) {
            pool.shutdown();
        }
        // end::poller-beans[]

        @Produces @ApplicationScoped @Channel("orderedDrinks")
        PollableChannel orderedDrinks() {
            return MessageChannels.queue("orderedDrinks");
        }
    }

    /** Whether the bar serves; counts how often it was asked, so a test knows that polls went by. */
    @Singleton
    public static class OpeningHours {
        private final AtomicInteger asked = new AtomicInteger();
        private volatile boolean open = true;

        public boolean isOpen() {
            asked.incrementAndGet(); // before the read: a count taken after close() is followed by closed answers
            return open;
        }

        void set(boolean open) {
            this.open = open;
        }

        int asked() {
            return asked.get();
        }
    }

    /** What the audit advice saw. */
    @Singleton
    public static class AuditTrail {
        private final List<Object> received = new CopyOnWriteArrayList<>();

        void add(Object payload) {
            received.add(payload);
        }

        List<Object> received() {
            return List.copyOf(received);
        }
    }

    // tag::poller-advices[]
    @Singleton @Named("skipWhenClosed")
    public static class SkipWhenClosed implements PollAdvice {
        @Inject
        OpeningHours hours;

        @Override
        public boolean around(Poll poll) throws Exception {
            return hours.isOpen() && poll.proceed();        // closed: the poll is skipped, nothing is received
        }
    }

    @Singleton @Named("audit")
    public static class Audit implements ReceiveMessageAdvice {
        @Inject
        AuditTrail trail;

        @Override
        public Message<?> afterReceive(Message<?> message, Object source) {
            if (message != null) {
                trail.add(message.getPayload());
            }
            return message;                                  // handed on unchanged
        }
    }
    // end::poller-advices[]

    /** Where the served drinks go, and on which thread they were served. */
    @Singleton
    public static class Tables {
        private final List<String> served = new CopyOnWriteArrayList<>();

        void bring(Drink drink) {
            served.add(drink.name() + " on " + Thread.currentThread().getName());
        }

        List<String> served() {
            return List.copyOf(served);
        }
    }

    // tag::poller-endpoint[]
    @ApplicationScoped
    public static class Bar {
        @Inject
        Tables tables;

        @ServiceActivator(inputChannel = "orderedDrinks")
        @Poller(trigger = "adaptive", taskExecutor = "pollers", adviceChain = {"skipWhenClosed", "audit"})
        public void serve(Drink drink) {
            tables.bring(drink);
        }
    }
    // end::poller-endpoint[]

    @Test
    void thePollerRunsOnTheNamedBeansAndItsAdvicesDecideAndSee() {
        container = CdiGuideTest.start("guide-poller-beans", PollerBeans.class, OpeningHours.class,
                SkipWhenClosed.class, Audit.class, AuditTrail.class, Tables.class, Bar.class);
        Tables tables = container.select(Tables.class).get();
        AuditTrail audit = container.select(AuditTrail.class).get();
        OpeningHours hours = container.select(OpeningHours.class).get();

        queue("orderedDrinks").send(Message.of(new Drink("latte")));
        await().atMost(PATIENCE).until(() -> tables.served().size() == 1);
        // Executors.newFixedThreadPool names its threads pool-N-thread-M; the scheduler's are junction-scheduler-N
        assertThat(tables.served().get(0)).startsWith("latte on pool-");
        assertThat(audit.received()).containsExactly(new Drink("latte"));

        hours.set(false);
        int askedWhenClosed = hours.asked();
        // polls do not overlap on a task executor: once asked again, no poll begun while open is still receiving
        await().atMost(PATIENCE).until(() -> hours.asked() > askedWhenClosed);
        queue("orderedDrinks").send(Message.of(new Drink("tea")));
        int askedAfterSend = hours.asked();
        await().atMost(PATIENCE).until(() -> hours.asked() >= askedAfterSend + 3);
        assertThat(tables.served()).as("closed: three polls skipped").hasSize(1);

        hours.set(true);
        await().atMost(PATIENCE).until(() -> tables.served().size() == 2);
        assertThat(audit.received()).containsExactly(new Drink("latte"), new Drink("tea"));
    }
}

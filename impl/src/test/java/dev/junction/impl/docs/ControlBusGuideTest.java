package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerState;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.management.ManagedOperation;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusCommand;
import dev.junction.api.management.ControlBusSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plain Java snippets of docs/control-bus.adoc; each one runs here, so the guide cannot drift. */
class ControlBusGuideTest {

    // tag::component[]
    public static class Roaster {
        private volatile int batchSize = 10;

        @ManagedOperation(description = "beans roasted per batch", rolesAllowed = "roastmaster")
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        @ManagedOperation
        public int batchSize() {
            return batchSize;
        }
    }
    // end::component[]

    @Test
    void commands() {
        try (Junction junction = Junction.create()) {
            PollableChannel replies = junction.register(MessageChannels.queue("busReplies", 10));
            junction.register(MessageChannels.queue("served", 10));
            Roaster roaster = new Roaster();
            // tag::bus[]
            DynamicPeriodicTrigger kitchenPoller = new DynamicPeriodicTrigger(Duration.ofMillis(100));
            junction.flow(MessageChannels.queue("kitchen", 10)).poll(PollerSpec.trigger(kitchenPoller))
                    .handle((String order) -> order + " is ready").id("barista").channel("served");
            junction.flow("controlBus").controlBus(new ControlBusSpec()
                    .component("kitchenPoller", kitchenPoller)          // managed: setPeriod, period...
                    .component("roaster", roaster)
                    .roleCheck(role -> false))                          // nobody is a roastmaster here
                    .channel("busReplies");
            // end::bus[]
            junction.start();

            // tag::commands[]
            MessageChannelSender bus = command -> junction.channel("controlBus").send(command);
            bus.send(Message.of("@barista.stop()"));                     // an endpoint, by id: replies true
            bus.send(Message.of("@kitchenPoller.setPeriod(20)"));        // milliseconds, or 'PT0.02S'
            bus.send(Message.of("@barista.isRunning()"));                // replies false
            bus.send(Message.of("@served.enableStatistics()"));          // a channel, by name
            bus.send(ControlBusCommand.of("barista", "start"));          // the header form
            bus.send(Message.of("@served.queueSize()"));                 // replies 0
            // end::commands[]
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(true);
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(true);
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(false);
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(true);
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(true);
            assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(0);
            assertThat(kitchenPoller.period()).isEqualTo(Duration.ofMillis(20));
            assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();

            // tag::refusals[]
            assertThatThrownBy(() -> bus.send(Message.of("System.exit(0)")))              // not a command
                    .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1060");
            assertThatThrownBy(() -> bus.send(Message.of("@barista.getClass()")))         // not managed
                    .hasMessageStartingWith("JNC-1062");
            assertThatThrownBy(() -> bus.send(Message.of("@roaster.setBatchSize(50)")))   // needs a role
                    .hasMessageStartingWith("JNC-1064");
            // end::refusals[]
            assertThat(roaster.batchSize()).isEqualTo(10);
        }
    }

    @MessagingGateway(defaultRequestChannel = "controlBus", defaultReplyTimeout = 30_000)
    public interface Operator {
        Object execute(String command);
    }

    @Test
    void channelsAndABreaker() {
        try (Junction junction = Junction.create()) {
            junction.register(MessageChannels.queue("served", 100));
            junction.flow("orders").handle((String order) -> order + " is ready").id("barista").channel("served");
            CircuitBreaker breaker = Advices.circuitBreaker().threshold(1).halfOpenAfter(Duration.ofMinutes(5))
                    .build();
            junction.flow("fx").handle((String currency) -> {
                throw new IllegalStateException("fx service down");
            }).id("fxRates").advice(breaker);
            // tag::gateway[]
            junction.flow("controlBus").controlBus(new ControlBusSpec().component("fxBreaker", breaker));
            Operator operator = junction.gateway(Operator.class);   // Object execute(String command)
            // end::gateway[]
            junction.start();
            assertThatThrownBy(() -> junction.channel("fx").send(Message.of("CHF")))
                    .hasRootCauseMessage("fx service down");

            // tag::statistics[]
            operator.execute("@orders.enableStatistics()");         // off until enabled
            operator.execute("@served.enableStatistics()");
            junction.channel("orders").send(Message.of("latte"));
            long sends = (Long) operator.execute("@orders.sendCount()");                 // 1
            long failures = (Long) operator.execute("@orders.sendErrorCount()");         // 0
            int waiting = (Integer) operator.execute("@served.queueSize()");             // 1
            int room = (Integer) operator.execute("@served.remainingCapacity()");        // 99
            operator.execute("@orders.resetStatistics()");
            // end::statistics[]
            assertThat(List.of(sends, failures, (long) waiting, (long) room)).containsExactly(1L, 0L, 1L, 99L);
            assertThat(operator.execute("@orders.sendCount()")).isEqualTo(0L);

            // tag::breaker[]
            Optional<?> state = (Optional<?>) operator.execute("@fxBreaker.state('fxRates')");  // OPEN
            boolean known = (Boolean) operator.execute("@fxBreaker.reset('fxRates')");         // now CLOSED
            // end::breaker[]
            assertThat(state).get().extracting(s -> ((CircuitBreakerState) s).phase()).isEqualTo(Phase.OPEN);
            assertThat(known).isTrue();
            assertThat(breaker.state("fxRates").orElseThrow().phase()).isEqualTo(Phase.CLOSED);
        }
    }

    @FunctionalInterface
    interface MessageChannelSender {
        void send(Message<?> command);
    }
}

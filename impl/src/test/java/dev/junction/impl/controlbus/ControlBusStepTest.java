package dev.junction.impl.controlbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerOpenException;
import dev.junction.api.advice.CircuitBreakerState;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.management.ChannelStatistics;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusCommand;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.management.ManagedOperation;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control bus as a flow step ({@code Flow.controlBus}): replies of {@code void} operations, channels and their
 * statistics, a circuit breaker's state and reset, the runtime's role check, and the spec's coded mistakes.
 */
class ControlBusStepTest {

    private final Junction.Builder settings = Junction.builder();
    private Junction junction;

    @AfterEach
    void close() {
        if (junction != null) {
            junction.close();
        }
    }

    @MessagingGateway(defaultRequestChannel = "controlBus", defaultReplyTimeout = 30_000)
    public interface Operator {
        @Gateway
        Object execute(String command);
    }

    public static class Oven {
        private volatile int temperature = 180;

        @ManagedOperation(rolesAllowed = "chef")
        public void setTemperature(int degrees) {
            temperature = degrees;
        }
    }

    private Operator start(ControlBusSpec spec) {
        junction = settings.build();
        junction.flow("orders").handle((String order) -> order + " served").id("barista")
                .channel(MessageChannels.queue("served", 5));
        junction.flow("broken").handle((String order) -> {
            throw new IllegalStateException("out of milk");
        });
        junction.flow("controlBus").controlBus(spec);
        Operator operator = junction.gateway(Operator.class);
        junction.start();
        return operator;
    }

    @Test
    void aVoidOperationRepliesTrueSoACallerWaitingForAReplyGetsOne() {
        Operator operator = start(new ControlBusSpec());

        assertThat(operator.execute("@barista.stop()")).isEqualTo(true);
        assertThat(operator.execute("@barista.isRunning()")).isEqualTo(false);
        assertThat(operator.execute("@barista.start()")).isEqualTo(true);
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();
    }

    @Test
    void aCommandSentAndForgottenNeedsNoReplyChannel() {
        start(new ControlBusSpec());
        junction.channel("controlBus").send(Message.of("@barista.stop()"));

        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isFalse();
    }

    @Test
    void aControlBusStepWithAnOutputChannelRepliesTrueThereForAVoidOperation() {
        junction = settings.build();
        junction.flow("orders").handle((String order) -> order).id("barista");
        PollableChannel replies = junction.register(MessageChannels.queue("busReplies", 10));
        junction.flow("controlBus").controlBus().channel("busReplies");
        junction.start();

        junction.channel("controlBus").send(Message.of("@barista.stop()"));
        junction.channel("controlBus").send(Message.of("@barista.isRunning()"));
        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(true);
        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo(false);
    }

    @Test
    void theHeaderFormNeedsNoText() {
        start(new ControlBusSpec());
        junction.channel("controlBus").send(ControlBusCommand.of("barista", "stop"));

        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isFalse();
    }

    @Test
    void channelsCountTheirSendsOnceStatisticsAreEnabled() {
        Operator operator = start(new ControlBusSpec());
        junction.channel("orders").send(Message.of("espresso"));
        assertThat(operator.execute("@orders.isStatisticsEnabled()")).isEqualTo(false);
        assertThat(operator.execute("@orders.sendCount()")).as("off by default: nothing counted").isEqualTo(0L);

        operator.execute("@orders.enableStatistics()");
        operator.execute("@served.enableStatistics()");
        operator.execute("@broken.enableStatistics()");
        junction.channel("orders").send(Message.of("latte"));
        assertThat(operator.execute("@orders.sendCount()")).isEqualTo(1L);
        assertThat(operator.execute("@served.sendCount()")).isEqualTo(1L);
        assertThat(operator.execute("@served.queueSize()")).as("the espresso and the latte").isEqualTo(2);
        assertThat(operator.execute("@served.remainingCapacity()")).isEqualTo(3);

        assertThatThrownBy(() -> junction.channel("broken").send(Message.of("cappuccino")))
                .hasRootCauseMessage("out of milk");
        assertThatThrownBy(() -> junction.channel("broken").send(Message.of("cortado"), Duration.ZERO))
                .hasRootCauseMessage("out of milk");
        assertThat(operator.execute("@broken.sendCount()")).isEqualTo(2L);
        assertThat(operator.execute("@broken.sendErrorCount()")).isEqualTo(2L);
        assertThat(operator.execute("@orders.sendErrorCount()")).isEqualTo(0L);

        operator.execute("@orders.disableStatistics()");
        junction.channel("controlBus").send(Message.of("@served.resetStatistics()"));
        assertThat(((ChannelStatistics) junction.channel("served")).sendCount()).isZero();
        junction.channel("orders").send(Message.of("flat white"));
        assertThat(operator.execute("@orders.sendCount()")).as("kept, no longer counting").isEqualTo(1L);
    }

    @Test
    void aCircuitBreakersStateIsReadAndResetThroughTheBus() {
        CircuitBreaker breaker = Advices.circuitBreaker().threshold(2).halfOpenAfter(Duration.ofMinutes(10)).build();
        junction = settings.build();
        junction.flow("quotes").handle((String quote) -> {
            throw new IllegalStateException("rates service down");
        }).id("rates").advice(breaker);
        junction.flow("controlBus").controlBus(new ControlBusSpec().component("breaker", breaker));
        Operator operator = junction.gateway(Operator.class);
        junction.start();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> junction.channel("quotes").send(Message.of("EUR")))
                    .hasRootCauseMessage("rates service down");
        }

        Object state = operator.execute("@breaker.state('rates')");
        assertThat(state).isInstanceOfSatisfying(Optional.class, found -> assertThat(found.orElseThrow())
                .extracting(s -> ((CircuitBreakerState) s).phase()).isEqualTo(Phase.OPEN));
        assertThatThrownBy(() -> junction.channel("quotes").send(Message.of("EUR")))
                .isInstanceOf(CircuitBreakerOpenException.class);

        assertThat(operator.execute("@breaker.reset('rates')")).isEqualTo(true);
        assertThat(operator.execute("@breaker.reset('nobody')")).isEqualTo(false);
        assertThat(breaker.state("rates").orElseThrow().phase()).isEqualTo(Phase.CLOSED);
        assertThatThrownBy(() -> junction.channel("quotes").send(Message.of("EUR")))
                .as("handled again").hasRootCauseMessage("rates service down");
    }

    @Test
    void theRuntimesRoleCheckServesControlBusesWithoutOne() {
        Oven oven = new Oven();
        settings.roleCheck(Set.of("chef")::contains);
        Operator operator = start(new ControlBusSpec().component("oven", oven)
                .rolesAllowed("barista", "stop", "manager"));

        operator.execute("@oven.setTemperature(200)");
        assertThat(oven.temperature).isEqualTo(200);
        assertThatThrownBy(() -> operator.execute("@barista.stop()")).isInstanceOf(CommandRefusedException.class)
                .hasMessageStartingWith("JNC-1064");
    }

    @Test
    void theSpecsRoleCheckWinsOverTheRuntimes() {
        Oven oven = new Oven();
        settings.roleCheck(role -> true);
        start(new ControlBusSpec().component("oven", oven).roleCheck(role -> false));

        assertThatThrownBy(() -> junction.channel("controlBus").send(Message.of("@oven.setTemperature(200)")))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1064");
        assertThat(oven.temperature).isEqualTo(180);
    }

    @Test
    void withoutAnyRoleCheckAnOperationNeedingARoleIsRefused() {
        Oven oven = new Oven();
        start(new ControlBusSpec().component("oven", oven));

        assertThatThrownBy(() -> junction.channel("controlBus").send(Message.of("@oven.setTemperature(200)")))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1064")
                .hasMessageContaining("no role check");
    }

    @Test
    void aComponentWithoutManagedOperationsFailsTheStartWithTheFlowsProblems() {
        junction = settings.build();
        junction.flow("controlBus").controlBus(new ControlBusSpec().component("system", Runtime.getRuntime()));

        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1065").hasMessageContaining("'system'")
                .hasMessageContaining("flow 'controlBus'");
    }

    @Test
    void aComponentNameIsTakenOnce() {
        assertThatThrownBy(() -> new ControlBusSpec().component("oven", new Oven()).component("oven", new Oven()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-1065");
    }
}

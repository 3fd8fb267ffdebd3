package dev.junction.impl.controlbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ManagedOperation;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commands to the runtime's managed components, and every kind of command the control bus refuses. */
class ControlBusTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Junction junction = Junction.create();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofMillis(10));
    private PollableChannel replies;
    private PollableChannel audited;

    @AfterEach
    void close() {
        junction.close();
    }

    /** A component with one managed operation that needs a role, and methods that are not managed. */
    public static class Oven {
        private volatile int temperature = 180;

        @ManagedOperation(rolesAllowed = "chef")
        public void setTemperature(int degrees) {
            temperature = degrees;
        }

        @ManagedOperation
        public int temperature() {
            return temperature;
        }

        public void explode() {
            throw new AssertionError("not managed: never called");
        }
    }

    private final Oven oven = new Oven();

    private void start(ControlBus.Builder bus) {
        replies = junction.register(MessageChannels.queue("replies", 10));
        audited = junction.register(MessageChannels.queue("audited", 10));
        junction.flow("orders").handle((String order) -> {
            served.add(order);
            return null;
        }).id("barista");
        junction.flow(MessageChannels.queue("audit", 10)).poll(PollerSpec.trigger(trigger)).channel("audited");
        junction.flow("controlBus").handle(bus.component("poller", trigger).component("oven", oven).build())
                .channel("replies");
        junction.start();
    }

    private ControlBus.Builder bus() {
        return ControlBus.builder(junction);
    }

    private Object command(String text) {
        junction.channel("controlBus").send(Message.of(text));
        Message<?> reply = replies.receive(Duration.ZERO);
        return reply == null ? null : reply.getPayload();
    }

    @Test
    void stopsAndStartsAnEndpoint() {
        start(bus());
        assertThat(command("@barista.isRunning()")).isEqualTo(true);

        command("@barista.stop()");
        assertThat(command("@barista.isRunning()")).isEqualTo(false);
        assertThatThrownBy(() -> junction.channel("orders").send(Message.of("latte")))
                .as("no subscriber while stopped").isInstanceOf(MessageDeliveryException.class);

        command("@barista.start()");
        junction.channel("orders").send(Message.of("mocha"));
        assertThat(served).containsExactly("mocha");
    }

    @Test
    void changesAPollersPeriod() {
        start(bus());
        command("@poller.setPeriod(5000)");                 // milliseconds
        assertThat(trigger.period()).isEqualTo(Duration.ofSeconds(5));
        command("@poller.setPeriod('PT0.02S')");            // or ISO-8601
        assertThat(command("@poller.period()")).isEqualTo(Duration.ofMillis(20));
        junction.channel("audit").send(Message.of("still polled"));
        assertThat(audited.receive(WAIT)).isNotNull();
    }

    @Test
    void takesTheHeaderFormToo() {
        start(bus());
        junction.channel("controlBus").send(MessageBuilder.withPayload("")
                .setHeader(ControlBus.COMPONENT_HEADER, "oven")
                .setHeader(ControlBus.OPERATION_HEADER, "temperature").build());
        assertThat(replies.receive(WAIT).getPayload()).isEqualTo(180);
    }

    @Test
    void refusesWhatIsNotACommand() {
        start(bus());
        for (String notACommand : List.of("payload * 2", "System.exit(0)", "${barista.stop()}",
                "T(java.lang.Runtime).getRuntime().exec('rm')", "@barista.getClass().forName('java.lang.Runtime')",
                "@poller.setPeriod(payload)", "@barista.stop(); @poller.stop()")) {
            assertThatThrownBy(() -> command(notACommand)).as(notACommand)
                    .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1060");
        }
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();
    }

    @Test
    void refusesAnUnknownComponent() {
        start(bus());
        assertThatThrownBy(() -> command("@Runtime.exit(0)")).isInstanceOf(CommandRefusedException.class)
                .hasMessageStartingWith("JNC-1061").hasMessageContaining("'Runtime'");
    }

    @Test
    void refusesOperationsThatAreNotManaged() {
        start(bus());
        for (String reflection : List.of("@barista.getClass()", "@oven.explode()", "@oven.wait()",
                "@barista.hashCode()", "@poller.getNextRunTime(null, null)")) {
            assertThatThrownBy(() -> command(reflection)).as(reflection)
                    .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1062")
                    .hasMessageContaining("managed operations are");
        }
    }

    @Test
    void refusesArgumentsThatDoNotFit() {
        start(bus());
        assertThatThrownBy(() -> command("@barista.stop(1)")).hasMessageStartingWith("JNC-1063");
        assertThatThrownBy(() -> command("@poller.setPeriod('soon')")).hasMessageStartingWith("JNC-1063")
                .hasMessageContaining("setPeriod(Duration)");
    }

    @Test
    void anOperationWithRolesIsRefusedWithoutARoleCheck() {
        start(bus());
        assertThatThrownBy(() -> command("@oven.setTemperature(200)")).isInstanceOf(CommandRefusedException.class)
                .hasMessageStartingWith("JNC-1064").hasMessageContaining("no role check");
        assertThat(oven.temperature()).isEqualTo(180);
    }

    @Test
    void rolesAreCheckedPerOperationAndCanBeOverridden() {
        Set<String> callerRoles = Set.of("chef");
        start(bus().roleCheck(callerRoles::contains).rolesAllowed("barista", "stop", "manager"));

        command("@oven.setTemperature(200)");
        assertThat(oven.temperature()).isEqualTo(200);
        assertThatThrownBy(() -> command("@barista.stop()")).hasMessageStartingWith("JNC-1064")
                .hasMessageContaining("[manager]");
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();
    }

    @Test
    void aComponentWithoutManagedOperationsCannotBeRegistered() {
        assertThatThrownBy(() -> bus().component("system", Runtime.getRuntime()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-1065");
        assertThatThrownBy(() -> bus().component("oven", oven).component("oven", oven))
                .hasMessageStartingWith("JNC-1065");
    }

    @Test
    void aFailingOperationFailsTheCommand() {
        start(bus());
        assertThatThrownBy(() -> command("@poller.setPeriod(-5)")).isInstanceOf(MessageHandlingException.class)
                .isNotInstanceOf(CommandRefusedException.class).hasMessageContaining("poller.setPeriod");
    }
}

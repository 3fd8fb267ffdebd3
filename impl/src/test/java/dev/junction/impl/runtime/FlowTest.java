package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.testing.LogRecorder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowTest {

    private static final PollerSpec EVERY_5_MS = PollerSpec.fixedDelay(Duration.ofMillis(5));

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    record Order(String drink, boolean hot) {
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 10_000)
    interface Cafe {
        String placeOrder(Order order, @Header("table") int table);
    }

    public static final class Barista {
        private final String name;

        Barista(String name) {
            this.name = name;
        }

        @ServiceActivator
        public String prepare(Order order, @Header("table") int table) {
            return name + " " + order.drink() + " for table " + table;
        }
    }

    @MessagingGateway(defaultRequestChannel = "in", defaultReplyTimeout = 10_000)
    interface Echo {
        Object call(Object payload);
    }

    @Test
    void theCafeRoutesToPolledQueuesAndRepliesToTheGateway() {
        junction.flow("orders").route("payload.hot ? 'hotDrinks' : 'coldDrinks'").id("drinkRouter");
        junction.flow(MessageChannels.queue("hotDrinks", 10)).poll(EVERY_5_MS).handle(new Barista("hot"))
                .id("hotBarista");
        junction.register(MessageChannels.queue("coldDrinks", 10));
        junction.flow("coldDrinks").poll(EVERY_5_MS).handle(new Barista("cold")).id("coldBarista");
        Cafe cafe = junction.gateway(Cafe.class);
        junction.start();

        assertThat(cafe.placeOrder(new Order("latte", true), 4)).isEqualTo("hot latte for table 4");
        assertThat(cafe.placeOrder(new Order("lemonade", false), 2)).isEqualTo("cold lemonade for table 2");
        assertThat(junction.endpoint("hotBarista")).get().extracting(Endpoint::isRunning).isEqualTo(true);
        assertThat(junction.endpoint("drinkRouter")).isPresent();
    }

    @Test
    void stepsChainThroughImplicitChannelsWithDefaultIds() {
        junction.flow("in")
                .transform("payload * 2")
                .<Long>handle(value -> "value " + value)
                .transform((String text) -> text.toUpperCase());
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        assertThat(echo.call(21)).isEqualTo("VALUE 42");
        assertThat(junction.endpoint("in.transform#1")).isPresent();
        assertThat(junction.endpoint("in.handle#2")).isPresent();
        assertThat(junction.endpoint("in.transform#3")).isPresent();
    }

    @Test
    void aNamedChannelJoinsTwoFlows() {
        junction.flow("in").handle("payload + 1").channel("middle");
        junction.flow("middle").handle("payload * 10");
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        assertThat(echo.call(4)).isEqualTo(50L);
    }

    @Test
    void aChannelAtTheStartBridgesTheInputToIt() {
        PollableChannel out = junction.register(MessageChannels.queue("out", 10));
        junction.flow("source").channel("out");
        junction.start();

        junction.channel("source").send(MessageBuilder.withPayload("bridged").build());

        assertThat(out.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo("bridged");
    }

    @Test
    void filtersDropOrDiscardWhatTheyReject() {
        PollableChannel small = junction.register(MessageChannels.queue("small", 10));
        PollableChannel passed = junction.register(MessageChannels.queue("passed", 10));
        junction.flow("numbers").filter("payload > 10", "small").channel("passed");
        junction.flow("words").filter((String word) -> word.startsWith("a")).channel("passed");
        junction.start();

        junction.channel("numbers").send(MessageBuilder.withPayload(5).build());
        junction.channel("numbers").send(MessageBuilder.withPayload(50).build());
        junction.channel("words").send(MessageBuilder.withPayload("banana").build());
        junction.channel("words").send(MessageBuilder.withPayload("apple").build());

        assertThat(small.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(5);
        assertThat(passed.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(50);
        assertThat(passed.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo("apple");
        assertThat(passed.receive(Duration.ZERO)).isNull();
    }

    @Test
    void routersMapKeysToChannelsAndFunctionsNameChannels() {
        PollableChannel even = junction.register(MessageChannels.queue("even", 10));
        PollableChannel odd = junction.register(MessageChannels.queue("odd", 10));
        junction.flow("byKey").route("payload % 2 == 0 ? 'e' : 'o'", Map.of("e", "even", "o", "odd"));
        junction.flow("byFunction").route((Integer n) -> n % 2 == 0 ? "even" : "odd");
        junction.start();

        junction.channel("byKey").send(MessageBuilder.withPayload(2).build());
        junction.channel("byFunction").send(MessageBuilder.withPayload(3).build());

        assertThat(even.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(2);
        assertThat(odd.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(3);
    }

    @Test
    void wireTapsAndLogsSeeEveryMessageAndTheFlowStillReplies() {
        PollableChannel audit = junction.register(MessageChannels.queue("audit", 10));
        junction.flow("in").wireTap("audit").handle("payload + 1").log(Level.INFO, "'after: ' += payload");
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        try (LogRecorder log = LogRecorder.of("dev.junction.logging", java.util.logging.Level.INFO)) {
            assertThat(echo.call(1)).isEqualTo(2L);
            assertThat(log.records()).extracting(java.util.logging.LogRecord::getMessage).contains("after: 2");
        }
        assertThat(audit.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(1);
    }

    @Test
    void aFlowEndingInATapEndsQuietlyWithoutAReplyChannel() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        junction.flow("events").handle(payload -> {
            seen.add(payload);
            return payload;
        }).log();
        junction.start();

        junction.channel("events").send(MessageBuilder.withPayload("fire and forget").build());

        assertThat(seen).containsExactly("fire and forget");
    }

    @Test
    void aPayloadOfTheWrongTypeFailsThatMessageNamingTheEndpoint() {
        junction.flow("in").<Integer>handle(n -> n + 1).id("increment");
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        assertThatThrownBy(() -> echo.call("not a number"))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("'increment'")
                .hasMessageContaining("java.lang.String");
        assertThat(echo.call(1)).isEqualTo(2);
    }

    @Test
    void everyProblemOfEveryFlowIsReportedAtStartAndNothingStarts() {
        junction.register(MessageChannels.queue("queue", 10));
        junction.flow("direct").poll(EVERY_5_MS).handle("payload");
        junction.flow("queue").handle("payload");
        junction.flow("a").handle(new Barista("x"), "noSuchMethod").id("same");
        junction.flow("b").handle("payload").id("same");
        junction.flow("c").filter("payload > 1", "nowhere");
        junction.flow("d").handle("payload +* 1");
        junction.flow("e");
        junction.flow("f").handle("payload").poll(EVERY_5_MS);
        junction.register(MessageChannels.queue("g", 10));
        junction.flow("g").poll(PollerSpec.fixedDelay(Duration.ZERO)).handle("payload");
        junction.flow("ok").handle("payload").id("ok");

        assertThatThrownBy(junction::start)
                .isInstanceOfSatisfying(ConfigurationException.class, invalid -> assertThat(invalid.getProblems())
                        .hasSize(9)
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0604").contains("'direct'"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0604").contains("'queue'"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0603").contains("noSuchMethod"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0602").contains("'same'"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0605").contains("'nowhere'"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0603").contains("payload +* 1"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0606").contains("'e'"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0601").contains("'f' ends with poll()"))
                        .anySatisfy(p -> assertThat(p).startsWith("JNC-0601").contains("fixedDelay must be positive")));
        assertThat(junction.isRunning()).isFalse();
        assertThat(junction.endpoint("ok")).get().extracting(Endpoint::isRunning).isEqualTo(false);
        assertThatThrownBy(junction::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed to start");
    }

    @Test
    void misusesOfTheBuilderFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> junction.flow("x").id("name"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0610")
                .hasMessageContaining("id(\"name\")");
        assertThatThrownBy(() -> junction.flow("y").route("'z'").handle("payload"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0613")
                .hasMessageContaining("ended with route()");
        assertThatThrownBy(() -> junction.flow("w").handle("payload").id("one").id("two"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0611")
                .hasMessageContaining("already named 'one'");
        assertThatThrownBy(() -> junction.flow("v").poll(PollerSpec.fixedDelay(Duration.ofSeconds(1)))
                .poll(PollerSpec.fixedDelay(Duration.ofSeconds(2))))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0612")
                .hasMessageContaining("'v'").hasMessageContaining("poll() was called twice");
    }

    @Test
    void flowsAreDeclaredBeforeStart() {
        junction.start();

        assertThatThrownBy(() -> junction.flow("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JNC-0614").hasMessageContaining("before start()");
    }
}

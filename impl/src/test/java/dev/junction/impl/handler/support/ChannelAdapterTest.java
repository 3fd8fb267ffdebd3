package dev.junction.impl.handler.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.endpoint.SourcePollingChannelAdapter;
import dev.junction.impl.expression.ExpressionEvaluationException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.testing.LogRecorder;
import dev.junction.impl.testing.NamedBeans;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound, logging and inbound channel adapters over methods and expressions. */
class ChannelAdapterTest {

    private static final String LOGGER = "dev.junction.test.support.logging";

    private final ChannelRegistry channels = new ChannelRegistry();
    private final DirectChannel input = channels.register(new DirectChannel("outbound"));
    private final QueueChannel output = channels.register(new QueueChannel("inbound"));
    private final QueueChannel replies = channels.register(new QueueChannel("replies"));
    private final Ledger ledger = new Ledger();
    private final Pantry pantry = new Pantry();
    private final ExpressionParser parser = new ExpressionParser(new NamedBeans(Map.of("ledger", ledger,
            "pantry", pantry)));
    private final Handlers handlers = new Handlers(ConversionRegistry.empty(), parser);

    private LogRecorder log;

    @BeforeEach
    void captureLog() {
        log = LogRecorder.of(LOGGER, java.util.logging.Level.INFO);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    // --- outbound channel adapter ----------------------------------------------------------------------------

    @Test
    void anOutboundAdapterInvokesItsVoidMethodWithEachMessageAndNeverReplies() {
        input.subscribe(handlers.outboundAdapter(ledger, "book"));
        input.send(MessageBuilder.withPayload("latte").setHeader("table", 3).setReplyChannel(replies).build());
        input.send(MessageBuilder.withPayload("tea").setHeader("table", 5).build());

        assertThat(ledger.entries).containsExactly("latte@3", "tea@5");
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void withoutANameTheMarkedMethodIsTheAdaptersMethod() {
        input.subscribe(handlers.outboundAdapter(new MarkedSink(ledger), null));
        input.send(Message.of("mocha"));
        assertThat(ledger.entries).containsExactly("sink:mocha");
    }

    @Test
    void anOutboundAdapterOverAMethodThatReturnsSomethingIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> handlers.outboundAdapter(ledger, "bookAndCount"))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(Ledger.class.getName() + ".bookAndCount(String)")
                .hasMessageContaining("must be void")
                .hasMessageContaining("nullChannel");
    }

    @Test
    void anExpressionOutboundAdapterActsAndItsValueIsIgnored() {
        input.subscribe(handlers.outboundAdapter("ledger.bookAndCount(payload)"));
        input.send(MessageBuilder.withPayload("flat white").setReplyChannel(replies).build());

        assertThat(ledger.entries).containsExactly("flat white");
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void aFailingOutboundMethodFailsTheSendWithTheMessage() {
        input.subscribe(handlers.outboundAdapter(ledger, "book"));
        Message<String> request = Message.of("no table");
        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("Required header 'table'")
                .satisfies(failure -> assertThat(((MessagingException) failure).getFailedMessage()).isSameAs(request));
    }

    // --- logging channel adapter -----------------------------------------------------------------------------

    @Test
    void aLoggingAdapterLogsWhatItsExpressionReturns() {
        input.subscribe(handlers.logging(Level.WARNING, LOGGER, "'table ' += headers['table'] += ': ' += payload",
                false));
        input.send(MessageBuilder.withPayload("latte").setHeader("table", 4).build());

        assertThat(log.records()).hasSize(1);
        assertThat(log.records().get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(log.records().get(0).getMessage()).isEqualTo("table 4: latte");
    }

    @Test
    void aLoggingAdapterWithoutExpressionLogsThePayloadOrTheWholeMessage() {
        DirectChannel full = new DirectChannel("full");
        input.subscribe(handlers.logging(null, LOGGER, null, false));
        full.subscribe(handlers.logging(null, LOGGER, null, true));
        input.send(MessageBuilder.withPayload("latte").setHeader("table", 4).build());
        full.send(MessageBuilder.withPayload("tea").setHeader("table", 9).build());

        assertThat(log.records()).extracting(LogRecord::getMessage).first().isEqualTo("latte");
        assertThat(log.records().get(1).getMessage()).contains("tea").contains("table=9");
        assertThat(log.records().get(1).getLevel()).isEqualTo(java.util.logging.Level.INFO);
    }

    @Test
    void aLoggingAdapterTakesAnExpressionOrTheWholeMessageNotBoth() {
        assertThatThrownBy(() -> handlers.logging(Level.INFO, LOGGER, "payload", true))
                .isInstanceOf(IllegalStateException.class);
    }

    // --- inbound channel adapter sources ---------------------------------------------------------------------

    @Test
    void aMethodSourceTurnsEachNonNullResultIntoAMessage() {
        pantry.stock("croissant", "bagel");
        MessageSource<Object> source = Sources.method(pantry, "next");

        assertThat(source.receive().getPayload()).isEqualTo("croissant");
        assertThat(source.receive().getPayload()).isEqualTo("bagel");
        assertThat(source.receive()).isNull();
    }

    @Test
    void aMessageReturnedByASourceMethodIsUsedAsItIs() {
        Message<String> prepared = MessageBuilder.withPayload("special").setHeader("origin", "kitchen").build();
        MessageSource<Object> source = Sources.method(new MessageMaker(prepared), null);
        assertThat(source.receive()).isSameAs(prepared);
    }

    @Test
    void aSourceMethodMustTakeNoParameters() {
        assertThatThrownBy(() -> Sources.method(ledger, "book"))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(Ledger.class.getName() + ".book(String, int)")
                .hasMessageContaining("must take none");
    }

    @Test
    void aSourceMethodMustReturnSomething() {
        assertThatThrownBy(() -> Sources.method(pantry, "clear"))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("returns nothing");
    }

    @Test
    void aFailingSourceMethodFailsThePollWithoutAMessage() {
        MessageSource<Object> source = Sources.method(new EmptyOven(), null);
        assertThatThrownBy(source::receive)
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("oven is cold")
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .satisfies(failure -> assertThat(((MessagingException) failure).getFailedMessage()).isNull());
    }

    @Test
    void anExpressionSourceSeesTheNamedBeans() {
        pantry.stock("muffin");
        MessageSource<Object> source = Sources.expression("pantry.next()", parser);

        assertThat(source.receive().getPayload()).isEqualTo("muffin");
        assertThat(source.receive()).isNull();
    }

    @Test
    void anExpressionSourceHasNoMessageToLookAt() {
        MessageSource<Object> source = Sources.expression("payload", parser);
        assertThatThrownBy(source::receive)
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void aPolledSourceSendsItsMessagesAndNothingForNull() throws Exception {
        pantry.stock("scone");
        SimpleTaskScheduler scheduler = new SimpleTaskScheduler(1);
        // the trigger's first firing lies an hour ahead: the test polls by hand, deterministically
        SourcePollingChannelAdapter adapter = new SourcePollingChannelAdapter("pantryAdapter",
                Sources.method(pantry, "next"), output, null,
                PollerSpec.fixedDelay(Duration.ofHours(1)).initialDelay(Duration.ofHours(1)).build(), scheduler,
                channels.errorHandler(), false);
        try {
            adapter.start();
            assertThat(adapter.pollNow()).isTrue();
            assertThat(adapter.pollNow()).isFalse();
        } finally {
            adapter.stop();
            scheduler.close();
        }

        assertThat(output.receive(Duration.ZERO).getPayload()).isEqualTo("scone");
        assertThat(output.getQueueSize()).isZero();
    }

    // --- fixtures --------------------------------------------------------------------------------------------

    public static class Ledger {
        final List<String> entries = new ArrayList<>();

        public void book(String drink, @Header("table") int table) {
            entries.add(drink + "@" + table);
        }

        public int bookAndCount(String drink) {
            entries.add(drink);
            return entries.size();
        }
    }

    public static class MarkedSink {
        private final Ledger ledger;

        MarkedSink(Ledger ledger) {
            this.ledger = ledger;
        }

        @ServiceActivator
        public void sink(String drink) {
            ledger.entries.add("sink:" + drink);
        }

        public String describe() {
            return "a sink";
        }
    }

    public static class Pantry {
        private final Deque<String> shelf = new ArrayDeque<>();

        void stock(String... items) {
            shelf.addAll(List.of(items));
        }

        public String next() {
            return shelf.poll();
        }

        public void clear() {
            shelf.clear();
        }
    }

    public static class MessageMaker {
        private final Message<String> message;

        MessageMaker(Message<String> message) {
            this.message = message;
        }

        public Message<String> make() {
            return message;
        }
    }

    public static class EmptyOven {
        public String bake() {
            throw new IllegalStateException("oven is cold");
        }
    }
}

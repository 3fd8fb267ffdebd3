package dev.junction.impl.handler.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionEvaluationException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import dev.junction.impl.testing.NamedBeans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transformers, filters and routers built from methods or expressions, driven through real channels. */
class TransformerFilterRouterTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final DirectChannel input = channels.register(new DirectChannel("drinks"));
    private final QueueChannel output = channels.register(new QueueChannel("out"));
    private final QueueChannel discarded = channels.register(new QueueChannel("discarded"));
    private final QueueChannel hot = channels.register(new QueueChannel("hotDrinks"));
    private final QueueChannel cold = channels.register(new QueueChannel("coldDrinks"));
    private final QueueChannel fallback = channels.register(new QueueChannel("fallback"));
    private final Handlers handlers = new Handlers(ConversionRegistry.empty(),
            new ExpressionParser(new NamedBeans(Map.of("menu", new Menu()))));

    // --- transformer -----------------------------------------------------------------------------------------

    @Test
    void aMethodTransformerReplacesThePayloadAndKeepsTheHeaders() {
        input.subscribe(handlers.transformer(new Labeller(), "label", toOutput("labeller")));
        input.send(MessageBuilder.withPayload("mocha").setHeader("table", 2).build());

        Message<?> transformed = output.receive(Duration.ZERO);
        assertThat(transformed.getPayload()).isEqualTo("[mocha]");
        assertThat(transformed.getHeaders().get("table")).isEqualTo(2);
    }

    @Test
    void anExpressionTransformerReplacesThePayload() {
        input.subscribe(handlers.transformer("payload.length()", toOutput("length")));
        input.send(Message.of("mocha"));
        assertThat(payloadOf(output)).isEqualTo(5);
    }

    @Test
    void aVoidTransformerMethodIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> handlers.transformer(new Labeller(), "ignore", toOutput("void")))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(Labeller.class.getName() + ".ignore(String)")
                .hasMessageContaining("transformer");
    }

    @Test
    void aTransformerReturningNullFailsTheMessage() {
        input.subscribe(handlers.transformer(new Labeller(), "nothing", toOutput("nothing")));
        assertThatThrownBy(() -> input.send(Message.of("x"))).isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("returned null");
    }

    @Test
    void aFailingTransformerExpressionNamesTheEndpoint() {
        input.subscribe(handlers.transformer("payload * 2", toOutput("doubler")));
        Message<String> request = Message.of("mocha");

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload * 2'")
                .hasMessageContaining("endpoint 'doubler'")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getFailedMessage())
                        .isSameAs(request));
    }

    // --- filter ----------------------------------------------------------------------------------------------

    @Test
    void aMethodFilterPassesAcceptedMessagesAndDiscardsTheOthers() {
        input.subscribe(handlers.filter(new Menu(), "isOnMenu", discarded, false, toOutput("menuFilter")));
        Message<String> latte = Message.of("latte");
        Message<String> grog = Message.of("grog");
        input.send(latte);
        input.send(grog);

        assertThat(output.receive(Duration.ZERO)).isSameAs(latte);
        assertThat(output.getQueueSize()).isZero();
        assertThat(discarded.receive(Duration.ZERO)).isSameAs(grog);
    }

    @Test
    void aBooleanNullCountsAsRejection() {
        input.subscribe(handlers.filter(new Menu(), "undecided", discarded, false, toOutput("undecided")));
        input.send(Message.of("latte"));
        assertThat(output.getQueueSize()).isZero();
        assertThat(discarded.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aThrowingFilterRejectsWithAnErrorAfterDiscarding() {
        input.subscribe(handlers.filter(new Menu(), "isOnMenu", discarded, true, toOutput("strictFilter")));
        assertThatThrownBy(() -> input.send(Message.of("grog")))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("strictFilter");
        assertThat(discarded.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aFilterMethodMustReturnBoolean() {
        assertThatThrownBy(() -> handlers.filter(new Labeller(), "label", null, false, toOutput("notBoolean")))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(Labeller.class.getName() + ".label(String)")
                .hasMessageContaining("must return boolean");
    }

    @Test
    void anExpressionFilterAcceptsWhatTheExpressionHoldsTrue() {
        input.subscribe(handlers.filter("payload > 10", discarded, false, toOutput("bigOnly")));
        input.send(Message.of(11));
        input.send(Message.of(3));

        assertThat(payloadOf(output)).isEqualTo(11);
        assertThat(payloadOf(discarded)).isEqualTo(3);
    }

    @Test
    void anExpressionFilterMayAskANamedBean() {
        input.subscribe(handlers.filter("menu.isOnMenu(payload)", null, true, toOutput("beanFilter")));
        input.send(Message.of("tea"));
        assertThat(payloadOf(output)).isEqualTo("tea");
        assertThatThrownBy(() -> input.send(Message.of("grog"))).isInstanceOf(MessageRejectedException.class);
    }

    // --- router ----------------------------------------------------------------------------------------------

    @Test
    void failingFilterAndRouterExpressionsNameTheirEndpoints() {
        DirectChannel strongOnly = channels.register(new DirectChannel("strongOnly"));
        strongOnly.subscribe(handlers.filter("payload > 2", null, false, toOutput("strong")));
        input.subscribe(handlers.router("'zone' + headers['zone']", RouterSettings.named("zoned").resolver(channels)));

        assertThatThrownBy(() -> strongOnly.send(Message.of("mocha")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload > 2'")
                .hasMessageContaining("endpoint 'strong'");
        assertThatThrownBy(() -> input.send(MessageBuilder.withPayload("mocha").setHeader("zone", "north").build()))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("''zone' + headers['zone']'")
                .hasMessageContaining("endpoint 'zoned'")
                .hasMessageContaining("(\"'zone' += headers['zone']\")");
    }

    @Test
    void anExpressionRouterSendsToMappedAndNamedChannels() {
        input.subscribe(handlers.router("payload.startsWith('iced') ? 'cold' : 'hotDrinks'",
                RouterSettings.named("drinkRouter").mapping("cold", "coldDrinks").resolver(channels)));
        input.send(Message.of("iced tea"));
        input.send(Message.of("latte"));

        assertThat(payloadOf(cold)).isEqualTo("iced tea");
        assertThat(payloadOf(hot)).isEqualTo("latte");
    }

    @Test
    void anUnresolvableNameIsAnErrorWhenResolutionIsRequired() {
        input.subscribe(handlers.router("headers['zone']", RouterSettings.named("zoneRouter").resolver(channels)
                .mapping("north", "northDrinks").defaultOutputChannel(fallback)));
        assertThatThrownBy(() -> input.send(MessageBuilder.withPayload("tea").setHeader("zone", "north").build()))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("zoneRouter")
                .hasMessageContaining("'northDrinks'")
                .hasMessageContaining("mapped from key 'north'");
        assertThat(fallback.getQueueSize()).isZero();
    }

    @Test
    void anUnresolvableNameIsSkippedWhenResolutionIsNotRequired() {
        input.subscribe(handlers.router("headers['zone']", RouterSettings.named("lenient").resolver(channels)
                .resolutionRequired(false).defaultOutputChannel(fallback)));
        input.send(MessageBuilder.withPayload("tea").setHeader("zone", "south").build());
        assertThat(payloadOf(fallback)).isEqualTo("tea");
    }

    @Test
    void withoutAnyDestinationAndNoDefaultTheRouterFails() {
        input.subscribe(handlers.router("headers['zone']", RouterSettings.named("nowhere").resolver(channels)));
        assertThatThrownBy(() -> input.send(Message.of("tea")))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("nowhere").hasMessageContaining("no default output channel");
    }

    @Test
    void aMethodRouterMayReturnAChannelName() {
        input.subscribe(handlers.router(new Dispatcher(hot, cold), "byName",
                RouterSettings.named("byName").resolver(channels)));
        input.send(Message.of("iced coffee"));
        assertThat(payloadOf(cold)).isEqualTo("iced coffee");
    }

    @Test
    void aMethodRouterMayReturnAChannel() {
        input.subscribe(handlers.router(new Dispatcher(hot, cold), "byChannel", RouterSettings.named("byChannel")));
        input.send(Message.of("espresso"));
        assertThat(payloadOf(hot)).isEqualTo("espresso");
    }

    @Test
    void aMethodRouterMayReturnSeveralDestinations() {
        input.subscribe(handlers.router(new Dispatcher(hot, cold), "everywhere",
                RouterSettings.named("everywhere").mapping("chilled", "coldDrinks").resolver(channels)));
        input.send(Message.of("sample"));

        assertThat(payloadOf(hot)).isEqualTo("sample");
        assertThat(payloadOf(cold)).isEqualTo("sample");
    }

    @Test
    void aVoidRouterMethodIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> handlers.router(new Labeller(), "ignore", RouterSettings.named("void")))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("router");
    }

    private ReplyProducerSettings toOutput(String name) {
        return ReplyProducerSettings.named(name).outputChannel(output);
    }

    private static Object payloadOf(QueueChannel channel) {
        Message<?> message = channel.receive(Duration.ZERO);
        assertThat(message).as("a message on " + channel.getName()).isNotNull();
        return message.getPayload();
    }

    public static class Labeller {
        public String label(String drink) {
            return "[" + drink + "]";
        }

        public void ignore(String drink) {
        }

        public String nothing(String drink) {
            return null;
        }
    }

    public static class Menu {
        private static final List<String> DRINKS = List.of("latte", "tea", "mocha");

        public boolean isOnMenu(String drink) {
            return DRINKS.contains(drink);
        }

        public Boolean undecided(String drink) {
            return null;
        }
    }

    public static class Dispatcher {
        private final MessageChannel hot;
        private final MessageChannel cold;

        Dispatcher(MessageChannel hot, MessageChannel cold) {
            this.hot = hot;
            this.cold = cold;
        }

        public String byName(String drink) {
            return drink.startsWith("iced") ? "coldDrinks" : "hotDrinks";
        }

        public MessageChannel byChannel(String drink) {
            return drink.startsWith("iced") ? cold : hot;
        }

        public List<Object> everywhere(String drink) {
            return List.of(hot, "chilled");
        }
    }
}

package dev.junction.impl.handler.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.ReplyRequiredException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Service activators over plain objects, driven end to end through a direct input channel. */
class MethodServiceActivatorTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final DirectChannel input = channels.register(new DirectChannel("orders"));
    private final QueueChannel output = channels.register(new QueueChannel("served"));
    private final QueueChannel replies = channels.register(new QueueChannel("replies"));
    private final Handlers handlers = new Handlers(ConversionRegistry.builder()
            .register(String.class, Integer.class, Integer::valueOf).build(), new ExpressionParser());

    // --- which method ----------------------------------------------------------------------------------------

    @Test
    void invokesTheNamedMethod() {
        input.subscribe(handlers.serviceActivator(new Barista(), "espresso", toOutput("barista")));
        input.send(Message.of("double"));
        assertThat(payloadOf(output)).isEqualTo("espresso: double");
    }

    @Test
    void withoutANameInvokesTheOneMethodMarkedAsActivator() {
        input.subscribe(handlers.serviceActivator(new MarkedBarista(), null, toOutput("marked")));
        input.send(Message.of("oat"));
        assertThat(payloadOf(output)).isEqualTo("flat white: oat");
    }

    @Test
    void withoutANameOrMarkerInvokesTheOnePublicMethod() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null, toOutput("shouter")));
        input.send(Message.of("tea"));
        assertThat(payloadOf(output)).isEqualTo("TEA");
    }

    @Test
    void severalPublicMethodsWithoutNameOrMarkerAreAnErrorNamingTheCandidates() {
        assertThatThrownBy(() -> handlers.serviceActivator(new Barista(), null, toOutput("ambiguous")))
                .isInstanceOf(InvalidHandlerMethodException.class).hasMessageStartingWith("JNC-0305")
                .hasMessageContaining(Barista.class.getName())
                .hasMessageContaining("String espresso(String)")
                .hasMessageContaining("String latte(String)")
                .hasMessageContaining("@ServiceActivator");
    }

    @Test
    void twoMarkedMethodsAreAnErrorNamingBoth() {
        assertThatThrownBy(() -> handlers.serviceActivator(new TwiceMarked(), null, toOutput("twice")))
                .isInstanceOf(InvalidHandlerMethodException.class).hasMessageStartingWith("JNC-0301")
                .hasMessageContaining("2 methods annotated @ServiceActivator")
                .hasMessageContaining("first(String)").hasMessageContaining("second(String)");
    }

    @Test
    void anUnknownMethodNameIsAnErrorListingThePublicMethods() {
        assertThatThrownBy(() -> handlers.serviceActivator(new Barista(), "mocha", toOutput("unknown")))
                .isInstanceOf(InvalidHandlerMethodException.class).hasMessageStartingWith("JNC-0303")
                .hasMessageContaining("no public instance method named 'mocha'")
                .hasMessageContaining("espresso").hasMessageContaining("latte");
    }

    @Test
    void anInvokerChosenByTheCallerServesLikeANamedMethod() throws NoSuchMethodException {
        // the way a CDI extension works: it selects the Method on the bean class and passes the contextual reference
        HandlerMethodInvoker invoker = handlers.invoker(new MarkedBarista())
                .targetType(MarkedBarista.class).method(Barista.class.getMethod("latte", String.class)).build();
        input.subscribe(handlers.serviceActivator(invoker, toOutput("chosen")));
        input.send(Message.of("soy"));
        assertThat(payloadOf(output)).isEqualTo("latte: soy");
    }

    @Test
    void aMethodProcessorIsTheBuildingBlockOfEveryMethodHandler() {
        MethodInvokingProcessor processor = handlers.method(new Arithmetic(), "plusTen");
        assertThat(processor.process(Message.of("5"))).isEqualTo(15);
        assertThat(processor.getInvoker().getMethod().getName()).isEqualTo("plusTen");
    }

    // --- parameters ------------------------------------------------------------------------------------------

    @Test
    void convertsThePayloadToTheParameterTypeThroughTheRegistry() {
        input.subscribe(handlers.serviceActivator(new Arithmetic(), "plusTen", toOutput("plusTen")));
        input.send(Message.of("32"));
        assertThat(payloadOf(output)).isEqualTo(42);
    }

    @Test
    void convertsToPrimitiveParametersToo() {
        input.subscribe(handlers.serviceActivator(new Arithmetic(), "twice", toOutput("twice")));
        input.send(Message.of("21"));
        assertThat(payloadOf(output)).isEqualTo(42L);
    }

    @Test
    void aPayloadWithoutConverterIsAnErrorNamingBothTypes() {
        input.subscribe(Handlers.standard().serviceActivator(new Arithmetic(), "plusTen", toOutput("noConverter")));
        Message<String> request = Message.of("32");

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("no converter from java.lang.String to java.lang.Integer")
                .hasMessageContaining("parameter 'amount'")
                .satisfies(failure -> assertThat(((MessageHandlingException) failure).getFailedMessage())
                        .isSameAs(request));
    }

    @Test
    void passesTheWholeMessage() {
        input.subscribe(handlers.serviceActivator(new MessageReader(), null, toOutput("reader")));
        input.send(MessageBuilder.withPayload("latte").setHeader("table", 7).build());
        assertThat(payloadOf(output)).isEqualTo("latte for table 7");
    }

    @Test
    void passesARequiredHeaderConvertedToTheParameterType() {
        input.subscribe(handlers.serviceActivator(new Waiter(), "serve", toOutput("waiter")));
        input.send(MessageBuilder.withPayload("tea").setHeader("table", "12").build());
        assertThat(payloadOf(output)).isEqualTo("tea to table 12");
    }

    @Test
    void aMissingRequiredHeaderIsAnErrorNamingTheHeader() {
        input.subscribe(handlers.serviceActivator(new Waiter(), "serve", toOutput("waiter")));
        assertThatThrownBy(() -> input.send(Message.of("tea")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("Required header 'table' is missing");
        assertThat(output.getQueueSize()).isZero();
    }

    @Test
    void optionalHeadersArePassedAsNullOrEmptyWhenMissing() {
        input.subscribe(handlers.serviceActivator(new Waiter(), "note", toOutput("notes")));
        input.send(Message.of("tea"));
        input.send(MessageBuilder.withPayload("tea").setHeader("note", "no sugar").setHeader("allergy", "nuts").build());

        assertThat(payloadOf(output)).isEqualTo("tea, note=null, allergy=none");
        assertThat(payloadOf(output)).isEqualTo("tea, note=no sugar, allergy=nuts");
    }

    @Test
    void passesAllHeadersAsAMap() {
        input.subscribe(handlers.serviceActivator(new Waiter(), "headerNames", toOutput("headers")));
        input.send(MessageBuilder.withPayload("tea").setHeader("table", 3).build());
        assertThat((String) payloadOf(output)).contains("table=3");
    }

    @Test
    void aMethodWithoutParametersIsInvokedForEachMessageAndRepliesNothingWhenVoid() {
        Tally tally = new Tally();
        input.subscribe(handlers.serviceActivator(tally, null, toOutput("tally")));
        input.send(Message.of("a"));
        input.send(Message.of(2));

        assertThat(tally.seen).hasValue(2);
        assertThat(output.getQueueSize()).isZero();
    }

    // --- replies ---------------------------------------------------------------------------------------------

    @Test
    void withoutOutputChannelTheReplyGoesToTheReplyChannelHeader() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null, ReplyProducerSettings.named("toHeader")));
        input.send(MessageBuilder.withPayload("hi").setReplyChannel(replies).setHeader("trace", "t1").build());

        Message<?> reply = replies.receive(Duration.ZERO);
        assertThat(reply.getPayload()).isEqualTo("HI");
        assertThat(reply.getHeaders().get("trace")).isEqualTo("t1");
    }

    @Test
    void aReplyChannelHeaderNameIsResolvedThroughTheRegistry() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null,
                ReplyProducerSettings.named("byName").resolver(channels)));
        input.send(MessageBuilder.withPayload("hi").setReplyChannel("replies").build());
        assertThat(payloadOf(replies)).isEqualTo("HI");
    }

    @Test
    void anOutputChannelNameIsResolvedThroughTheRegistry() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null,
                ReplyProducerSettings.named("outputByName").outputChannelName("served").resolver(channels)));
        input.send(MessageBuilder.withPayload("hi").setReplyChannel(replies).build());

        assertThat(payloadOf(output)).isEqualTo("HI");
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void anUnresolvableReplyChannelNameIsADestinationResolutionError() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null,
                ReplyProducerSettings.named("lost").resolver(channels)));
        assertThatThrownBy(() -> input.send(MessageBuilder.withPayload("hi").setReplyChannel("nowhere").build()))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("'nowhere'").hasMessageContaining("lost");
    }

    @Test
    void aReplyWithNeitherOutputChannelNorReplyChannelIsADestinationResolutionError() {
        input.subscribe(handlers.serviceActivator(new Shouter(), null, ReplyProducerSettings.named("nowhere")));
        assertThatThrownBy(() -> input.send(Message.of("hi")))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("no output channel");
    }

    @Test
    void aNullResultSendsNoReply() {
        input.subscribe(handlers.serviceActivator(new Maybe(), null, toOutput("maybe")));
        input.send(MessageBuilder.withPayload("skip").setReplyChannel(replies).build());
        input.send(Message.of("keep"));

        assertThat(payloadOf(output)).isEqualTo("keep");
        assertThat(output.getQueueSize()).isZero();
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void aNullResultIsAnErrorWhenAReplyIsRequired() {
        input.subscribe(handlers.serviceActivator(new Maybe(), null, toOutput("strict").requiresReply(true)));
        assertThatThrownBy(() -> input.send(Message.of("skip")))
                .isInstanceOf(ReplyRequiredException.class)
                .hasMessageContaining("strict");
    }

    @Test
    void aReturnedMessageKeepsItsHeadersAndGainsTheMissingOnes() {
        input.subscribe(handlers.serviceActivator(new Stamper(), null, toOutput("stamper")));
        input.send(MessageBuilder.withPayload("x").setHeader("stage", "raw").setHeader("trace", "t9").build());

        Message<?> reply = output.receive(Duration.ZERO);
        assertThat(reply.getPayload()).isEqualTo("x!");
        assertThat(reply.getHeaders().get("stage")).isEqualTo("stamped");
        assertThat(reply.getHeaders().get("trace")).isEqualTo("t9");
    }

    @Test
    void anExceptionOfTheMethodReachesTheSenderWithTheMessage() {
        input.subscribe(handlers.serviceActivator(new Broken(), null, toOutput("broken")));
        Message<String> request = Message.of("x");

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(MessageHandlingException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("machine is off")
                .satisfies(failure -> assertThat(((MessageHandlingException) failure).getFailedMessage())
                        .isSameAs(request));
    }

    // --- helpers and fixtures --------------------------------------------------------------------------------

    private ReplyProducerSettings toOutput(String name) {
        return ReplyProducerSettings.named(name).outputChannel(output).resolver(channels);
    }

    private static Object payloadOf(QueueChannel channel) {
        Message<?> message = channel.receive(Duration.ZERO);
        assertThat(message).as("a message on " + channel.getName()).isNotNull();
        return message.getPayload();
    }

    public static class Barista {
        public String espresso(String shot) {
            return "espresso: " + shot;
        }

        public String latte(String milk) {
            return "latte: " + milk;
        }
    }

    public static class MarkedBarista extends Barista {
        @ServiceActivator
        public String flatWhite(String milk) {
            return "flat white: " + milk;
        }
    }

    public static class TwiceMarked {
        @ServiceActivator
        public String first(String value) {
            return value;
        }

        @ServiceActivator
        public String second(String value) {
            return value;
        }
    }

    public static class Shouter {
        public String shout(String text) {
            return text.toUpperCase();
        }
    }

    public static class Arithmetic {
        public Integer plusTen(Integer amount) {
            return amount + 10;
        }

        public long twice(int amount) {
            return 2L * amount;
        }
    }

    public static class MessageReader {
        public String read(Message<?> message) {
            return message.getPayload() + " for table " + message.getHeaders().get("table");
        }
    }

    public static class Waiter {
        public String serve(String drink, @Header("table") int table) {
            return drink + " to table " + table;
        }

        public String note(String drink, @Header(value = "note", required = false) String note,
                @Header("allergy") Optional<String> allergy) {
            return drink + ", note=" + note + ", allergy=" + allergy.orElse("none");
        }

        public String headerNames(String drink, @Headers Map<String, Object> headers) {
            return drink + " " + headers;
        }
    }

    public static class Tally {
        final AtomicInteger seen = new AtomicInteger();

        public void count() {
            seen.incrementAndGet();
        }
    }

    public static class Maybe {
        public String keepOrSkip(String value) {
            return value.equals("skip") ? null : value;
        }
    }

    public static class Stamper {
        public Message<String> stamp(Message<String> request) {
            return MessageBuilder.withPayload(request.getPayload() + "!").setHeader("stage", "stamped").build();
        }
    }

    public static class Broken {
        public String brew(String order) {
            throw new IllegalStateException("machine is off");
        }
    }
}

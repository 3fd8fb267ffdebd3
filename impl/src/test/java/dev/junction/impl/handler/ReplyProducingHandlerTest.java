package dev.junction.impl.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.ReplyRequiredException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.core.TemporaryReplyChannel;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyProducingHandlerTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final QueueChannel output = channels.register(new QueueChannel("output"));
    private final QueueChannel replies = channels.register(new QueueChannel("replies"));

    @Test
    void aResultGoesToTheOutputChannelWithTheRequestHeaders() {
        ServiceActivatingHandler doubler = new ServiceActivatingHandler(m -> (Integer) m.getPayload() * 2,
                ReplyProducerSettings.named("doubler").outputChannel(output));
        doubler.handleMessage(MessageBuilder.withPayload(21).setHeader("table", 4).setReplyChannel(replies).build());

        Message<?> reply = output.receive(Duration.ZERO);
        assertThat(reply.getPayload()).isEqualTo(42);
        assertThat(reply.getHeaders()).containsEntry("table", 4);
        assertThat(replies.getQueueSize()).isZero();
    }

    @Test
    void anOutputChannelNameIsResolvedOnTheFirstReply() {
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "done",
                ReplyProducerSettings.named("late").outputChannelName("declaredLater").resolver(channels));
        QueueChannel declaredLater = channels.register(new QueueChannel("declaredLater"));

        handler.handleMessage(Message.of("x"));
        assertThat(declaredLater.receive(Duration.ZERO).getPayload()).isEqualTo("done");
    }

    @Test
    void withoutOutputChannelTheReplyChannelHeaderIsUsedAsChannelOrName() {
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "re: " + m.getPayload(),
                ReplyProducerSettings.named("echo").resolver(channels));

        handler.handleMessage(MessageBuilder.withPayload("a").setReplyChannel(replies).build());
        handler.handleMessage(MessageBuilder.withPayload("b").setReplyChannel("replies").build());

        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo("re: a");
        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo("re: b");
    }

    @Test
    void anUnresolvableReplyChannelNameIsADestinationResolutionError() {
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "reply",
                ReplyProducerSettings.named("echo").resolver(channels));
        Message<String> request = MessageBuilder.withPayload("a").setReplyChannel("nowhere").build();

        assertThatThrownBy(() -> handler.handleMessage(request))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("echo").hasMessageContaining("'nowhere'")
                .satisfies(e -> assertThat(((DestinationResolutionException) e).getFailedMessage()).isSameAs(request));
    }

    @Test
    void aReplyWithNowhereToGoIsAnErrorNamingTheHandler() {
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "reply", ReplyProducerSettings.named("lost"));
        assertThatThrownBy(() -> handler.handleMessage(Message.of("a")))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("lost").hasMessageContaining("no output channel");
    }

    @Test
    void aNullResultSendsNothingUnlessAReplyIsRequired() {
        ServiceActivatingHandler quiet = new ServiceActivatingHandler(m -> null,
                ReplyProducerSettings.named("quiet").outputChannel(output));
        quiet.handleMessage(Message.of("x"));
        assertThat(output.getQueueSize()).isZero();

        ServiceActivatingHandler strict = new ServiceActivatingHandler(m -> null,
                ReplyProducerSettings.named("strict").outputChannel(output).requiresReply(true));
        assertThatThrownBy(() -> strict.handleMessage(Message.of("x")))
                .isInstanceOf(ReplyRequiredException.class).hasMessageContaining("strict");
    }

    @Test
    void aMessageResultKeepsItsHeadersAndGetsTheMissingOnes() {
        ServiceActivatingHandler handler = new ServiceActivatingHandler(
                m -> MessageBuilder.withPayload("own").setHeader("table", 9).build(),
                ReplyProducerSettings.named("own").outputChannel(output));
        handler.handleMessage(MessageBuilder.withPayload("x").setHeader("table", 4).setHeader("guest", "ann").build());

        Message<?> reply = output.receive(Duration.ZERO);
        assertThat(reply.getHeaders()).containsEntry("table", 9).containsEntry("guest", "ann");
    }

    @Test
    void aFullOutputChannelFailsTheReplyAfterTheSendTimeout() {
        QueueChannel tiny = new QueueChannel("tiny", 1);
        tiny.send(Message.of("occupied"));
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "reply",
                ReplyProducerSettings.named("blocked").outputChannel(tiny).sendTimeout(Duration.ofMillis(20)));

        assertThatThrownBy(() -> handler.handleMessage(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'tiny' within 20 ms");
    }

    @Test
    void aTransformerMustProduceSomething() {
        MessageTransformingHandler upper = new MessageTransformingHandler(m -> m.getPayload().toString().toUpperCase(),
                ReplyProducerSettings.named("upper").outputChannel(output));
        upper.handleMessage(Message.of("latte"));
        assertThat(output.receive(Duration.ZERO).getPayload()).isEqualTo("LATTE");

        MessageTransformingHandler broken = new MessageTransformingHandler(m -> null,
                ReplyProducerSettings.named("broken").outputChannel(output));
        assertThatThrownBy(() -> broken.handleMessage(Message.of("x"))).hasMessageContaining("broken");
    }

    @Test
    void aBridgePassesMessagesOnOrFollowsTheReplyChannel() {
        BridgeHandler toOutput = new BridgeHandler(ReplyProducerSettings.named("bridge").outputChannel(output));
        Message<String> message = Message.of("x");
        toOutput.handleMessage(message);
        assertThat(output.receive(Duration.ZERO).getPayload()).isEqualTo("x");

        BridgeHandler toReply = new BridgeHandler(ReplyProducerSettings.named("replyBridge").resolver(channels));
        toReply.handleMessage(MessageBuilder.withPayload("y").setReplyChannel("replies").build());
        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo("y");

        BridgeHandler nowhere = new BridgeHandler(ReplyProducerSettings.named("deadEnd"));
        assertThatThrownBy(() -> nowhere.handleMessage(Message.of("z")))
                .isInstanceOf(DestinationResolutionException.class).hasMessageContaining("deadEnd");
    }

    @Test
    void aLateReplyToARequesterThatGaveUpIsDroppedQuietly() {
        TemporaryReplyChannel temporary = new TemporaryReplyChannel(Message.of("request").getHeaders().getId());
        assertThat(temporary.receive(Duration.ZERO)).isNull(); // the requester gives up
        ServiceActivatingHandler handler = new ServiceActivatingHandler(m -> "too late",
                ReplyProducerSettings.named("slow"));

        handler.handleMessage(MessageBuilder.withPayload("x").setReplyChannel(temporary).build());
        assertThat(temporary.isClosed()).isTrue();
    }
}

package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendInterceptorTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void preAndPostSendRunInOrderAndAfterSendCompletionInReverse() {
        DirectChannel channel = DirectChannel.builder().name("c")
                .interceptor(new Recording("1")).interceptor(new Recording("2")).build();
        channel.subscribe(m -> events.add("handle"));

        assertThat(channel.send(Message.of("x"))).isTrue();
        assertThat(events).containsExactly("1.preSend", "2.preSend", "handle", "1.postSend(true)", "2.postSend(true)",
                "2.afterSendCompletion(true,null)", "1.afterSendCompletion(true,null)");
    }

    @Test
    void preSendMayReplaceTheMessage() {
        ChannelInterceptor enrich = new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return MessageBuilder.fromMessage(message).setHeader("enriched", true).build();
            }
        };
        DirectChannel channel = DirectChannel.builder().name("c").interceptor(enrich).build();
        List<Message<?>> handled = new ArrayList<>();
        channel.subscribe(handled::add);

        channel.send(Message.of("x"));
        assertThat(handled.get(0).getHeaders()).containsEntry("enriched", true);
    }

    @Test
    void aNullFromPreSendStopsTheSendAndCompletesOnlyTheEarlierInterceptors() {
        DirectChannel channel = DirectChannel.builder().name("c")
                .interceptor(new Recording("1")).interceptor(new Recording("2").vetoing()).interceptor(new Recording("3"))
                .build();
        channel.subscribe(m -> events.add("handle"));

        assertThat(channel.send(Message.of("x"))).isFalse();
        assertThat(events).containsExactly("1.preSend", "2.preSend", "1.afterSendCompletion(false,null)");
    }

    @Test
    void aHandlerFailureIsReportedToAfterSendCompletionInReverseAndRethrown() {
        DirectChannel channel = DirectChannel.builder().name("c")
                .interceptor(new Recording("1")).interceptor(new Recording("2")).build();
        channel.subscribe(m -> {
            throw new IllegalStateException("down");
        });

        assertThatThrownBy(() -> channel.send(Message.of("x"))).isInstanceOf(MessageHandlingException.class);
        assertThat(events).containsExactly("1.preSend", "2.preSend",
                "2.afterSendCompletion(false,MessageHandlingException)", "1.afterSendCompletion(false,MessageHandlingException)");
    }

    @Test
    void aFailingPreSendCompletesOnlyTheInterceptorsBeforeIt() {
        ChannelInterceptor failing = new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                events.add("failing.preSend");
                throw new IllegalArgumentException("bad message");
            }
        };
        DirectChannel channel = DirectChannel.builder().name("c")
                .interceptor(new Recording("1")).interceptor(failing).interceptor(new Recording("3")).build();
        channel.subscribe(m -> events.add("handle"));

        assertThatThrownBy(() -> channel.send(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'c'").hasRootCauseMessage("bad message");
        assertThat(events).containsExactly("1.preSend", "failing.preSend", "1.afterSendCompletion(false,MessageDeliveryException)");
    }

    @Test
    void aFailingAfterSendCompletionDoesNotHideTheOutcomeOrSkipOthers() {
        ChannelInterceptor brokenCleanup = new ChannelInterceptor() {
            @Override
            public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
                events.add("broken.afterSendCompletion");
                throw new IllegalStateException("cleanup failed");
            }
        };
        DirectChannel channel = DirectChannel.builder().name("c")
                .interceptor(new Recording("1")).interceptor(brokenCleanup).build();
        channel.subscribe(m -> events.add("handle"));

        assertThat(channel.send(Message.of("x"))).isTrue();
        assertThat(events).containsExactly("1.preSend", "handle", "1.postSend(true)",
                "broken.afterSendCompletion", "1.afterSendCompletion(true,null)");
    }

    @Test
    void postSendSeesAFailedTimedSend() {
        QueueChannel full = QueueChannel.builder().name("full").capacity(1).interceptor(new Recording("1")).build();
        full.send(Message.of("first"));
        events.clear();

        assertThat(full.send(Message.of("second"), java.time.Duration.ZERO)).isFalse();
        assertThat(events).containsExactly("1.preSend", "1.postSend(false)", "1.afterSendCompletion(false,null)");
    }

    @Test
    void interceptorsCanBeAddedAndRemovedAtRuntime() {
        DirectChannel channel = new DirectChannel("c");
        channel.subscribe(m -> events.add("handle"));
        Recording first = new Recording("first");
        Recording second = new Recording("second");
        channel.addInterceptor(second);
        channel.addInterceptor(0, first);
        assertThat(channel.getInterceptors()).containsExactly(first, second);

        channel.send(Message.of("x"));
        assertThat(events).startsWith("first.preSend", "second.preSend");

        events.clear();
        assertThat(channel.removeInterceptor(first)).isTrue();
        assertThat(channel.removeInterceptor(first)).isFalse();
        channel.send(Message.of("x"));
        assertThat(events).startsWith("second.preSend", "handle");
    }

    private final class Recording implements ChannelInterceptor {
        private final String name;
        private boolean veto;

        Recording(String name) {
            this.name = name;
        }

        Recording vetoing() {
            veto = true;
            return this;
        }

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            events.add(name + ".preSend");
            return veto ? null : message;
        }

        @Override
        public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
            events.add(name + ".postSend(" + sent + ")");
        }

        @Override
        public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
            events.add(name + ".afterSendCompletion(" + sent + "," + (ex == null ? "null" : ex.getClass().getSimpleName()) + ")");
        }

        @Override
        public String toString() {
            return name;
        }
    }
}

package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The interceptor protocol on a pollable channel: the receive side, and the send side where a queue can be full. */
class PollableInterceptorTest {

    private final List<String> events = new ArrayList<>();

    // ---- receive side ----

    @Test
    void preAndPostReceiveRunInOrderAndAfterReceiveCompletionInReverse() {
        QueueChannel channel = queue(new Recording("1"), new Recording("2"), new Recording("3"));
        channel.send(Message.of("x"));
        events.clear();

        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("x");
        assertThat(events).containsExactly("1.preReceive", "2.preReceive", "3.preReceive",
                "1.postReceive(x)", "2.postReceive(x)", "3.postReceive(x)",
                "3.afterReceiveCompletion(x,null)", "2.afterReceiveCompletion(x,null)", "1.afterReceiveCompletion(x,null)");
    }

    @Test
    void postReceiveIsSkippedWhenNothingArrivedButAfterReceiveCompletionStillRuns() {
        QueueChannel channel = queue(new Recording("1"), new Recording("2"));

        assertThat(channel.receive(Duration.ofMillis(20))).isNull();
        assertThat(events).containsExactly("1.preReceive", "2.preReceive",
                "2.afterReceiveCompletion(null,null)", "1.afterReceiveCompletion(null,null)");
    }

    @Test
    void preReceiveReturningFalseStopsTheReceiveAndCompletesOnlyTheEarlierInterceptors() {
        QueueChannel channel = queue(new Recording("1"), new Recording("2").refusingReceive(), new Recording("3"));
        channel.send(Message.of("x"));
        events.clear();

        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(events).containsExactly("1.preReceive", "2.preReceive", "1.afterReceiveCompletion(null,null)");
        assertThat(channel.getQueueSize()).as("the message was not taken").isEqualTo(1);
    }

    @Test
    void postReceiveMayReplaceTheMessageForTheFollowingInterceptorsAndTheReceiver() {
        QueueChannel channel = queue(new Recording("1").replacingReceived(m -> Message.of(m.getPayload() + "+1")),
                new Recording("2"));
        channel.send(Message.of("x"));
        events.clear();

        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("x+1");
        assertThat(events).containsExactly("1.preReceive", "2.preReceive", "1.postReceive(x)", "2.postReceive(x+1)",
                "2.afterReceiveCompletion(x+1,null)", "1.afterReceiveCompletion(x+1,null)");
    }

    @Test
    void postReceiveReturningNullHandsNothingToTheReceiver() {
        QueueChannel channel = queue(new Recording("1").replacingReceived(m -> null), new Recording("2"));
        channel.send(Message.of("x"));
        events.clear();

        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(events).containsExactly("1.preReceive", "2.preReceive", "1.postReceive(x)",
                "2.afterReceiveCompletion(null,null)", "1.afterReceiveCompletion(null,null)");
        assertThat(channel.getQueueSize()).as("the message was taken from the queue, then dropped").isZero();
    }

    @Test
    void aFailingPostReceiveIsReportedToAfterReceiveCompletionInReverseAndRethrown() {
        ChannelInterceptor failing = new Recording("2").replacingReceived(m -> {
            throw new IllegalStateException("cannot read " + m.getPayload());
        });
        QueueChannel channel = queue(new Recording("1"), failing, new Recording("3"));
        channel.send(Message.of("x"));
        events.clear();

        assertThatThrownBy(() -> channel.receive(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot read x");
        assertThat(events).containsExactly("1.preReceive", "2.preReceive", "3.preReceive",
                "1.postReceive(x)", "2.postReceive(x)",
                "3.afterReceiveCompletion(x,IllegalStateException)", "2.afterReceiveCompletion(x,IllegalStateException)",
                "1.afterReceiveCompletion(x,IllegalStateException)");
    }

    @Test
    void aFailingPreReceiveCompletesOnlyTheInterceptorsBeforeItAndLeavesTheMessageQueued() {
        ChannelInterceptor failing = new ChannelInterceptor() {
            @Override
            public boolean preReceive(MessageChannel channel) {
                events.add("failing.preReceive");
                throw new IllegalStateException("not now");
            }
        };
        QueueChannel channel = queue(new Recording("1"), failing, new Recording("3"));
        channel.send(Message.of("x"));
        events.clear();

        assertThatThrownBy(() -> channel.receive(Duration.ZERO)).hasMessage("not now");
        assertThat(events).containsExactly("1.preReceive", "failing.preReceive",
                "1.afterReceiveCompletion(null,IllegalStateException)");
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aFailingAfterReceiveCompletionDoesNotHideTheMessageOrSkipTheOthers() {
        ChannelInterceptor brokenCleanup = new ChannelInterceptor() {
            @Override
            public void afterReceiveCompletion(Message<?> message, MessageChannel channel, Exception ex) {
                events.add("broken.afterReceiveCompletion");
                throw new IllegalStateException("cleanup failed");
            }
        };
        QueueChannel channel = queue(new Recording("1"), brokenCleanup);
        channel.send(Message.of("x"));
        events.clear();

        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("x");
        assertThat(events).containsExactly("1.preReceive", "1.postReceive(x)",
                "broken.afterReceiveCompletion", "1.afterReceiveCompletion(x,null)");
    }

    // ---- send side on a queue ----

    @Test
    void sendCallbacksRunInOrderAndAfterSendCompletionInReverse() {
        QueueChannel channel = queue(new Recording("1"), new Recording("2"));

        assertThat(channel.send(Message.of("x"))).isTrue();
        assertThat(events).containsExactly("1.preSend(x)", "2.preSend(x)", "1.postSend(x,true)", "2.postSend(x,true)",
                "2.afterSendCompletion(x,true,null)", "1.afterSendCompletion(x,true,null)");
    }

    @Test
    void aTimedOutSendOnAFullQueueIsReportedAsNotSent() {
        QueueChannel channel = QueueChannel.builder().name("full").capacity(1)
                .interceptor(new Recording("1")).interceptor(new Recording("2")).build();
        channel.send(Message.of("first"));
        events.clear();

        assertThat(channel.send(Message.of("second"), Duration.ofMillis(20))).isFalse();
        assertThat(events).containsExactly("1.preSend(second)", "2.preSend(second)",
                "1.postSend(second,false)", "2.postSend(second,false)",
                "2.afterSendCompletion(second,false,null)", "1.afterSendCompletion(second,false,null)");
    }

    @Test
    void preSendReturningNullStopsTheSendAndCompletesOnlyTheEarlierInterceptors() {
        QueueChannel channel = queue(new Recording("1"), new Recording("2").refusingSend(), new Recording("3"));

        assertThat(channel.send(Message.of("x"))).isFalse();
        assertThat(events).containsExactly("1.preSend(x)", "2.preSend(x)", "1.afterSendCompletion(x,false,null)");
        assertThat(channel.getQueueSize()).as("nothing queued").isZero();
    }

    @Test
    void preSendMayReplaceTheQueuedMessage() {
        Recording enriching = new Recording("1") {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                super.preSend(message, channel);
                return MessageBuilder.fromMessage(message).setHeader("enriched", true).build();
            }
        };
        QueueChannel channel = queue(enriching);

        channel.send(Message.of("x"));
        assertThat(channel.receive(Duration.ZERO).getHeaders()).containsEntry("enriched", true);
    }

    // ---- changes at runtime ----

    @Test
    void interceptorsAddedAndRemovedAtRuntimeApplyFromTheNextCall() {
        QueueChannel channel = queue(new Recording("1"));
        channel.send(Message.of("a"));
        channel.send(Message.of("b"));
        channel.send(Message.of("c"));
        Recording added = new Recording("0");

        channel.addInterceptor(0, added);
        events.clear();
        channel.receive(Duration.ZERO);
        assertThat(events).startsWith("0.preReceive", "1.preReceive").endsWith("0.afterReceiveCompletion(a,null)");

        assertThat(channel.removeInterceptor(added)).isTrue();
        events.clear();
        channel.receive(Duration.ZERO);
        assertThat(events).containsExactly("1.preReceive", "1.postReceive(b)", "1.afterReceiveCompletion(b,null)");

        Recording refusing = new Recording("refusing").refusingReceive();
        channel.addInterceptor(refusing);
        events.clear();
        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(channel.getQueueSize()).isEqualTo(1);

        channel.removeInterceptor(refusing);
        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("c");
    }

    private QueueChannel queue(ChannelInterceptor... interceptors) {
        QueueChannel.Builder builder = QueueChannel.builder().name("q");
        for (ChannelInterceptor interceptor : interceptors) {
            builder.interceptor(interceptor);
        }
        return builder.build();
    }

    /** Records every callback as "name.callback(arguments)"; optionally refuses or replaces. */
    private class Recording implements ChannelInterceptor {
        private final String name;
        private boolean refuseSend;
        private boolean refuseReceive;
        private UnaryOperator<Message<?>> onReceived = UnaryOperator.identity();

        Recording(String name) {
            this.name = name;
        }

        Recording refusingSend() {
            refuseSend = true;
            return this;
        }

        Recording refusingReceive() {
            refuseReceive = true;
            return this;
        }

        Recording replacingReceived(UnaryOperator<Message<?>> replacement) {
            onReceived = replacement;
            return this;
        }

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            events.add(name + ".preSend(" + message.getPayload() + ")");
            return refuseSend ? null : message;
        }

        @Override
        public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
            events.add(name + ".postSend(" + message.getPayload() + "," + sent + ")");
        }

        @Override
        public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
            events.add(name + ".afterSendCompletion(" + message.getPayload() + "," + sent + "," + simpleName(ex) + ")");
        }

        @Override
        public boolean preReceive(MessageChannel channel) {
            events.add(name + ".preReceive");
            return !refuseReceive;
        }

        @Override
        public Message<?> postReceive(Message<?> message, MessageChannel channel) {
            events.add(name + ".postReceive(" + message.getPayload() + ")");
            return onReceived.apply(message);
        }

        @Override
        public void afterReceiveCompletion(Message<?> message, MessageChannel channel, Exception ex) {
            events.add(name + ".afterReceiveCompletion(" + (message == null ? "null" : message.getPayload()) + ","
                    + simpleName(ex) + ")");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String simpleName(Exception ex) {
        return ex == null ? "null" : ex.getClass().getSimpleName();
    }
}

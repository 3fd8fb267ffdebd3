package dev.junction.impl.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.source.AcknowledgmentCallback.Status;
import dev.junction.api.source.AcknowledgmentCallback;
import dev.junction.api.source.MessageSource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ad-hoc polling of a message source, settling deferred acknowledgments as the polling adapter does. */
class MessageSourcePollingTemplateTest {

    private final Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("work");
    private final RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
    private final Queue<Message<Object>> pending = new ConcurrentLinkedQueue<>(List.of(message));
    private final MessageSourcePollingTemplate template = new MessageSourcePollingTemplate(pending::poll);

    @Test
    void anEmptySourceGivesTheHandlerNothing() {
        List<Message<?>> handled = new CopyOnWriteArrayList<>();
        MessageSourcePollingTemplate empty = new MessageSourcePollingTemplate(() -> null);

        assertThat(empty.poll(handled::add)).isFalse();

        assertThat(handled).isEmpty();
    }

    @Test
    void aMessageWithoutCallbackIsSimplyHandled() {
        List<Message<?>> handled = new CopyOnWriteArrayList<>();
        Message<String> plain = Message.of("plain");
        MessageSource<String> source = () -> plain;

        assertThat(new MessageSourcePollingTemplate(source).poll(handled::add)).isTrue();

        assertThat(handled).containsExactly(plain);
    }

    @Test
    void theMessageIsAcceptedAfterTheHandlerReturns() {
        List<Boolean> acknowledgedDuringHandler = new CopyOnWriteArrayList<>();

        assertThat(template.poll(received -> acknowledgedDuringHandler.add(callback.isAcknowledged()))).isTrue();

        assertThat(acknowledgedDuringHandler).containsExactly(false);
        assertThat(callback.settlements()).containsExactly(Status.ACCEPT);
        assertThat(template.poll(received -> { })).isFalse();
    }

    @Test
    void theMessageIsRejectedWhenTheHandlerThrowsAndTheFailureReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("cannot process");

        assertThatThrownBy(() -> template.poll(received -> {
            throw failure;
        })).isInstanceOf(MessagingException.class).hasRootCause(failure)
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));

        assertThat(callback.settlements()).containsExactly(Status.REJECT);
    }

    @Test
    void aMessagingExceptionOfTheHandlerReachesTheCallerAsItIs() {
        MessagingException failure = new MessagingException(message, "downstream failed");

        assertThatThrownBy(() -> template.poll(received -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(callback.settlements()).containsExactly(Status.REJECT);
    }

    @Test
    void aMessageTheHandlerSettledItselfIsLeftAlone() {
        template.poll(received -> RecordingAcknowledgmentCallback.of(received).acknowledge(Status.REQUEUE));

        assertThat(callback.settlements()).containsExactly(Status.REQUEUE);
    }

    @Test
    void aHandlerSettlingItselfAndThenFailingIsNotRejectedOnTop() {
        assertThatThrownBy(() -> template.poll(received -> {
            RecordingAcknowledgmentCallback.of(received).acknowledge(Status.REQUEUE);
            throw new IllegalStateException("after settling");
        })).hasRootCauseMessage("after settling");

        assertThat(callback.settlements()).containsExactly(Status.REQUEUE);
    }

    /** The reason for noAutoAck: hand the message to another thread, which settles it when done. */
    @Test
    void aHandlerThatTurnedAutomaticSettlingOffSettlesLaterOnAnotherThread() throws InterruptedException {
        AtomicReference<Message<?>> handedOff = new AtomicReference<>();

        template.poll(received -> {
            RecordingAcknowledgmentCallback.of(received).noAutoAck();
            handedOff.set(received);
        });
        assertThat(callback.settlements()).isEmpty();

        CountDownLatch settled = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            RecordingAcknowledgmentCallback.of(handedOff.get()).acknowledge(Status.ACCEPT);
            settled.countDown();
        });
        worker.start();
        assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(callback.settlements()).containsExactly(Status.ACCEPT);
    }

    @Test
    void withAutomaticSettlingOffAFailureIsNotRejectedEither() {
        assertThatThrownBy(() -> template.poll(received -> {
            RecordingAcknowledgmentCallback.of(received).noAutoAck();
            throw new IllegalStateException("after the hand-off");
        })).hasRootCauseMessage("after the hand-off");

        assertThat(callback.settlements()).isEmpty();
    }
}

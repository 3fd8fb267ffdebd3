package dev.junction.impl.source;

import dev.junction.api.message.Message;
import dev.junction.api.source.AcknowledgmentCallback;
import java.util.function.Consumer;

/**
 * Runs a flow on a received message and then settles the message's acknowledgment: ACCEPT when the flow
 * returns, REJECT when it throws (and the failure is rethrown), unless the flow settled it or turned automatic
 * settling off.
 */
public final class AutoAcknowledgingFlow {

    private AutoAcknowledgingFlow() {
    }

    /**
     * Settles a received message that never reached a flow because a receive advice dropped it (returned
     * {@code null} instead): ACCEPT, as for a message a filter discards, so that the source does not keep it
     * unsettled; unless it was settled already or its automatic settling is off.
     */
    public static void dropped(Message<?> message) {
        Acknowledgments.settle(Acknowledgments.of(message), AcknowledgmentCallback.Status.ACCEPT);
    }

    public static void run(Message<?> message, Consumer<Message<?>> flow) {
        AcknowledgmentCallback callback = Acknowledgments.of(message);
        try {
            flow.accept(message);
        } catch (RuntimeException | Error failure) {
            Acknowledgments.settle(callback, AcknowledgmentCallback.Status.REJECT);
            throw failure;
        }
        Acknowledgments.settle(callback, AcknowledgmentCallback.Status.ACCEPT);
    }
}

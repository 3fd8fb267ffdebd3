package dev.junction.impl.source;

import dev.junction.api.message.Message;
import java.util.function.Consumer;

/**
 * Runs a flow on a received message and then settles the message's acknowledgment: ACCEPT when the flow
 * returns, REJECT when it throws (and the failure is rethrown), unless the flow settled it or turned automatic
 * settling off.
 */
public final class AutoAcknowledgingFlow {

    private AutoAcknowledgingFlow() {
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

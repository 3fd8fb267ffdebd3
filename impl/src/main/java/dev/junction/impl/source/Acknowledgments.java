package dev.junction.impl.source;

import dev.junction.api.message.Message;
import dev.junction.api.source.AcknowledgmentCallback;

/** Automatic settling of a message's acknowledgment, shared by the polling adapter and the polling template. */
final class Acknowledgments {

    private Acknowledgments() {
    }

    static AcknowledgmentCallback of(Message<?> message) {
        return message.getHeaders().get(AcknowledgmentCallback.HEADER) instanceof AcknowledgmentCallback callback
                ? callback : null;
    }

    static void settle(AcknowledgmentCallback callback, AcknowledgmentCallback.Status status) {
        if (callback != null && callback.isAutoAck() && !callback.isAcknowledged()) {
            callback.acknowledge(status);
        }
    }
}

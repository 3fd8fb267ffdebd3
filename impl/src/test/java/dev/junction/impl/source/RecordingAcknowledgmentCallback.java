package dev.junction.impl.source;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.source.AcknowledgmentCallback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test {@link AcknowledgmentCallback} as a broker-backed source would attach: it records every settlement (the
 * source would only honour the first) and whether automatic settling was turned off.
 */
public final class RecordingAcknowledgmentCallback implements AcknowledgmentCallback {

    private final List<Status> settlements = new CopyOnWriteArrayList<>();
    private final AtomicBoolean autoAck = new AtomicBoolean(true);

    /** @return a message carrying a new callback in the {@value AcknowledgmentCallback#HEADER} header */
    public static Message<Object> messageWithCallback(Object payload) {
        return MessageBuilder.withPayload(payload).setHeader(HEADER, new RecordingAcknowledgmentCallback()).build();
    }

    /** @return the callback of a message made by {@link #messageWithCallback(Object)} */
    public static RecordingAcknowledgmentCallback of(Message<?> message) {
        return (RecordingAcknowledgmentCallback) message.getHeaders().get(HEADER);
    }

    @Override
    public void acknowledge(Status status) {
        settlements.add(status);
    }

    @Override
    public boolean isAcknowledged() {
        return !settlements.isEmpty();
    }

    @Override
    public void noAutoAck() {
        autoAck.set(false);
    }

    @Override
    public boolean isAutoAck() {
        return autoAck.get();
    }

    /** @return every status given, in order */
    public List<Status> settlements() {
        return List.copyOf(settlements);
    }
}

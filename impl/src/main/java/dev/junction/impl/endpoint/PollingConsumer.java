package dev.junction.impl.endpoint;

import dev.junction.api.channel.PollableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.AbstractQueueChannel;
import dev.junction.impl.channel.QueueBatch;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.support.Timeouts;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.support.ErrorHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * An endpoint on a pollable channel: each poll receives (waiting up to the receive timeout, so a short
 * interval with a long timeout reacts at once) and hands each message to the handler, up to
 * {@code maxMessagesPerPoll} (unbounded by default: a poll drains what is there). On a {@link QueueChannel} without
 * interceptors, and with no receive advices, a poll takes the messages already waiting several at a time (a
 * {@link QueueBatch}): one wake-up serves them all.
 */
public final class PollingConsumer extends AbstractPollingEndpoint implements ConsumerEndpoint {

    /** Default of maxMessagesPerPoll for a polling consumer: unbounded. */
    static final int DEFAULT_MAX_MESSAGES_PER_POLL = -1;

    private final PollableChannel inputChannel;
    private final MessageHandler handler;
    private final Duration receiveTimeout;
    private final long receiveTimeoutNanos;

    public PollingConsumer(String id, PollableChannel inputChannel, MessageHandler handler, PollerMetadata poller,
            TaskScheduler scheduler, ErrorHandler errorHandler, boolean autoStartup) {
        super(id, autoStartup, poller, scheduler, errorHandler, DEFAULT_MAX_MESSAGES_PER_POLL);
        this.inputChannel = Objects.requireNonNull(inputChannel, "inputChannel");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.receiveTimeout = poller.receiveTimeout();
        this.receiveTimeoutNanos = Timeouts.toNanos(receiveTimeout);
    }

    @Override
    protected QueueBatch newBatch() {
        return inputChannel instanceof QueueChannel queue ? queue.newBatch() : null;
    }

    @Override
    protected int fill(QueueBatch batch, int max) {
        return batch.fill(receiveTimeoutNanos, max);
    }

    @Override
    public int pendingMessages() {
        return inputChannel instanceof AbstractQueueChannel queue ? queue.getQueueSize() : 0;
    }

    @Override
    protected Object pollTarget() {
        return inputChannel;
    }

    @Override
    protected Message<?> receive() {
        return inputChannel.receive(receiveTimeout);
    }

    @Override
    protected void handle(Message<?> message) {
        handler.handleMessage(message);
    }

    @Override
    public PollableChannel getInputChannel() {
        return inputChannel;
    }

    @Override
    public MessageHandler getHandler() {
        return handler;
    }
}

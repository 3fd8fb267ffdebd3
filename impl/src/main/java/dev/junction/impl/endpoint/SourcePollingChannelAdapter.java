package dev.junction.impl.endpoint;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.source.AutoAcknowledgingFlow;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.support.ErrorHandler;
import java.time.Duration;
import java.util.Objects;

/**
 * An inbound channel adapter: polls a {@link MessageSource} and sends what it returns to the output channel,
 * one message per poll by default. Messages with an acknowledgment callback are settled after the flow: ACCEPT
 * when it returns, REJECT when it throws, unless the flow settled or opted out.
 */
public final class SourcePollingChannelAdapter extends AbstractPollingEndpoint {

    /** Default of maxMessagesPerPoll for a source adapter: 1. */
    static final int DEFAULT_MAX_MESSAGES_PER_POLL = 1;

    private final MessageSource<?> source;
    private final MessageChannel outputChannel;
    private final Duration sendTimeout;

    /**
     * @param sendTimeout how long sending to the output channel may block, or {@code null} for as long as it takes
     */
    public SourcePollingChannelAdapter(String id, MessageSource<?> source, MessageChannel outputChannel,
            Duration sendTimeout, PollerMetadata poller, TaskScheduler scheduler, ErrorHandler errorHandler,
            boolean autoStartup) {
        super(id, autoStartup, poller, scheduler, errorHandler, DEFAULT_MAX_MESSAGES_PER_POLL);
        this.source = Objects.requireNonNull(source, "source");
        this.outputChannel = Objects.requireNonNull(outputChannel, "outputChannel");
        this.sendTimeout = sendTimeout;
    }

    @Override
    protected Object pollTarget() {
        return source;
    }

    @Override
    protected Message<?> receive() {
        return source.receive();
    }

    @Override
    protected void handle(Message<?> message) {
        AutoAcknowledgingFlow.run(message, this::send);
    }

    private void send(Message<?> message) {
        boolean sent = sendTimeout == null ? outputChannel.send(message) : outputChannel.send(message, sendTimeout);
        if (!sent) {
            throw new MessageDeliveryException(message, "Inbound adapter '" + getId() + "' could not send to channel '"
                    + outputChannel.getName() + "'" + (sendTimeout == null ? "" : " within " + sendTimeout.toMillis() + " ms"));
        }
    }

    /** @return the polled source (named {@code id.source}) */
    MessageSource<?> getSource() {
        return source;
    }

    MessageChannel getOutputChannel() {
        return outputChannel;
    }
}

package dev.junction.impl.channel;

import dev.junction.impl.dispatch.BroadcastingDispatcher;
import dev.junction.impl.support.ErrorHandler;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Delivers every message to all subscribers: in the sender's thread (the first failure reaches the sender), or
 * on an executor (failures go to the error handler, by default the message's error channel header or a log
 * entry).
 *
 * <p>Options: {@code applySequence} stamps each copy with a correlation id (the original message id), a sequence
 * number 1..n and the sequence size n; {@code minSubscribers} makes {@code send} return {@code false} with fewer
 * subscribers; {@code requireSubscribers} makes a send without subscribers fail instead of succeeding silently.
 */
public class PublishSubscribeChannel extends AbstractSubscribableChannel {

    public PublishSubscribeChannel(String name) {
        this(builder().name(name));
    }

    protected PublishSubscribeChannel(Builder builder) {
        super(builder, new BroadcastingDispatcher(builder.effectiveName(PublishSubscribeChannel.class), builder.executor,
                builder.errorHandler, builder.applySequence, builder.minSubscribers, builder.requireSubscribers));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PublishSubscribeChannel}. */
    public static class Builder extends ChannelBuilder<Builder, PublishSubscribeChannel> {
        private Executor executor;
        private ErrorHandler errorHandler = MessagePublishingErrorHandler.loggingOnly();
        private boolean applySequence;
        private int minSubscribers;
        private boolean requireSubscribers;

        Builder() {
        }

        /** Runs each subscriber on this executor instead of the sender's thread. */
        Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where failures of executor-run subscribers go; ignored without executor. */
        Builder errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /** Stamps correlation id, sequence number and size on each subscriber's copy (default {@code false}). */
        public Builder applySequence(boolean applySequence) {
            this.applySequence = applySequence;
            return this;
        }

        /** A send returns {@code true} only when at least this many subscribers got the message (default 0). */
        Builder minSubscribers(int minSubscribers) {
            if (minSubscribers < 0) {
                throw new IllegalArgumentException("JNC-0104 minSubscribers must not be negative: " + minSubscribers);
            }
            this.minSubscribers = minSubscribers;
            return this;
        }

        /** A send with no subscriber throws instead of succeeding (default {@code false}). */
        Builder requireSubscribers(boolean requireSubscribers) {
            this.requireSubscribers = requireSubscribers;
            return this;
        }

        @Override
        public PublishSubscribeChannel build() {
            return new PublishSubscribeChannel(this);
        }
    }
}

package dev.junction.impl.channel;

import dev.junction.impl.dispatch.UnicastingDispatcher;
import dev.junction.impl.support.ErrorHandler;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A point-to-point channel that runs its handler on an executor: {@code send} returns once the executor took
 * the task, so no transaction spans sender and handler. Load balancing and failover work as on
 * {@link DirectChannel}; a failure of the handler goes to the error handler (by default: the failed message's
 * error channel header, else a log entry at ERROR).
 */
public class ExecutorChannel extends AbstractSubscribableChannel {

    public ExecutorChannel(String name, Executor executor) {
        this(builder(executor).name(name));
    }

    protected ExecutorChannel(Builder builder) {
        super(builder, new UnicastingDispatcher(builder.effectiveName(ExecutorChannel.class), builder.strategyOrDefault(),
                builder.failover, builder.executor, builder.errorHandler));
    }

    public static Builder builder(Executor executor) {
        return new Builder(executor);
    }

    /** Builds an {@link ExecutorChannel}. */
    public static final class Builder extends PointToPointBuilder<Builder, ExecutorChannel> {
        private final Executor executor;
        private ErrorHandler errorHandler = MessagePublishingErrorHandler.loggingOnly();

        private Builder(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        /** Where failures of handlers go (they cannot reach the sender, who has already returned). */
        public Builder errorHandler(ErrorHandler errorHandler) {
            this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        @Override
        public ExecutorChannel build() {
            return new ExecutorChannel(this);
        }
    }
}

package dev.junction.impl.channel;

import dev.junction.impl.dispatch.UnicastingDispatcher;

/**
 * A point-to-point channel that runs its handler in the sender's thread, before {@code send} returns: the
 * sender's transaction and thread context span the handler. The default channel type.
 *
 * <p>With several subscribers, messages are spread by the load-balancing strategy (round-robin by default)
 * and a failing handler fails over to the next one (on by default). Sending with no subscriber throws a
 * {@link dev.junction.api.error.MessageDeliveryException}.
 */
public class DirectChannel extends AbstractSubscribableChannel {

    public DirectChannel(String name) {
        this(builder().name(name));
    }

    protected DirectChannel(Builder builder) {
        super(builder, new UnicastingDispatcher(builder.effectiveName(DirectChannel.class), builder.strategyOrDefault(), builder.failover, null, null));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DirectChannel}. */
    public static final class Builder extends PointToPointBuilder<Builder, DirectChannel> {
        private Builder() {
        }

        @Override
        public DirectChannel build() {
            return new DirectChannel(this);
        }
    }
}

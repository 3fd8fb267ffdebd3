package dev.junction.impl.channel;

import java.util.concurrent.SynchronousQueue;

/**
 * A zero-capacity hand-off: a send waits until a receiver takes the message, and a receive waits for a sender.
 * The sender therefore knows that someone accepted the message. Also usable as a temporary reply channel.
 */
class RendezvousChannel extends AbstractQueueChannel {

    RendezvousChannel(String name) {
        this(builder().name(name));
    }

    protected RendezvousChannel(Builder builder) {
        super(builder, new SynchronousQueue<>());
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RendezvousChannel}. */
    public static final class Builder extends ChannelBuilder<Builder, RendezvousChannel> {
        private Builder() {
        }

        @Override
        public RendezvousChannel build() {
            return new RendezvousChannel(this);
        }
    }
}

package dev.junction.examples.cafe;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The two queues the router fills and the baristas poll. Every other channel of the cafe ({@code orders},
 * {@code drinks}, {@code preparedDrinks}, {@code failedDrinks}) is named by an endpoint and declared by nobody, so the
 * Junction extension makes it a direct channel: its subscriber runs in the sender's thread (and transaction).
 */
@Dependent
public class CafeChannels {

    /** The bound of each queue: a counter this small would be full long before that. */
    static final int QUEUE_CAPACITY = 100;

    @Produces
    @ApplicationScoped
    @Channel("hotDrinks")
    PollableChannel hotDrinks() {
        return MessageChannels.queue("hotDrinks", QUEUE_CAPACITY);
    }

    @Produces
    @ApplicationScoped
    @Channel("coldDrinks")
    PollableChannel coldDrinks() {
        return MessageChannels.queue("coldDrinks", QUEUE_CAPACITY);
    }
}

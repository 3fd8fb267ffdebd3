package dev.junction.examples.cafe;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Works through the persistent {@code orders} queue, one order per poll in a JTA transaction of its own: calls out its
 * drinks one by one to the {@code drinks} channel, whose router puts them on the baristas' persistent queues in the
 * same transaction. Taking the order and queueing its drinks commit together: a crash in between leaves the order on
 * its queue, and the cashier of the next run takes it.
 */
@ApplicationScoped
public class Cashier {

    @Inject
    Transcript transcript;

    @Inject
    @Channel("drinks")
    MessageChannel drinks;

    @ServiceActivator(inputChannel = "orders")
    @Poller(fixedDelay = 10, receiveTimeout = 100, maxMessagesPerPoll = 1, transactional = true)
    public void take(Order order) {
        transcript.say("cashier", "order " + order.number() + " taken, " + order.items().size() + " drinks to make");
        for (OrderItem item : order.items()) {
            if (!drinks.send(Message.of(item))) {
                throw new IllegalStateException("The drinks channel did not accept " + item.label());
            }
        }
    }
}

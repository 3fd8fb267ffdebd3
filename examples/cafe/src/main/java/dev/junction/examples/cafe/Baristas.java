package dev.junction.examples.cafe;

import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The two baristas, each polling its queue. Every poll takes one drink in a JTA transaction of its own
 * ({@code transactional = true, maxMessagesPerPoll = 1}); the barista's claim on the drink, and the waiter's
 * delivery downstream on the direct {@code preparedDrinks} channel, commit together when the drink is handed over,
 * or roll back together when anything fails. Failures go to {@code failedDrinks}. The queues are persistent: a
 * rolled-back drink stays on its queue, and is taken again by the next poll, which drops it once its failure is
 * recorded.
 */
@ApplicationScoped
public class Baristas {

    static final String HOT = "hot barista";
    static final String COLD = "cold barista";

    @Inject
    Ledger ledger;

    @Inject
    Menu menu;

    @Inject
    Transcript transcript;

    /** @return the prepared hot drink, for the waiter; {@code null} for a drink dropped */
    @ServiceActivator(id = "hotBarista", inputChannel = "hotDrinks", outputChannel = "preparedDrinks")
    @Poller(fixedDelay = 10, receiveTimeout = 100, maxMessagesPerPoll = 1, transactional = true,
            errorChannel = "failedDrinks")
    public Drink prepareHot(OrderItem item) {
        return prepare(HOT, item);
    }

    /** @return the prepared cold drink, for the waiter; {@code null} for a drink dropped */
    @ServiceActivator(id = "coldBarista", inputChannel = "coldDrinks", outputChannel = "preparedDrinks")
    @Poller(fixedDelay = 10, receiveTimeout = 100, maxMessagesPerPoll = 1, transactional = true,
            errorChannel = "failedDrinks")
    public Drink prepareCold(OrderItem item) {
        return prepare(COLD, item);
    }

    /** @return the drink, or {@code null} (nothing to deliver) for a drink that failed before */
    private Drink prepare(String barista, OrderItem item) {
        if (!ledger.claim(item, barista)) {
            transcript.say(barista, "dropped " + item.label() + ": it failed before, its order is refused");
            return null;
        }
        transcript.say(barista, "claimed " + item.label());
        // the recipe is looked up after the claim, as a barista reads the ticket: an unknown drink fails here, and
        // the rollback must take the claim away again
        Duration time = menu.preparationTime(item.drink());
        work(time);
        transcript.say(barista, item.label() + " ready after " + time.toMillis() + " ms");
        return new Drink(item, barista, Thread.currentThread().getName());
    }

    /** Making a drink takes time: this is the slow service the queues buffer for. */
    private static void work(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a drink: the cafe is closing", interrupted);
        }
    }
}

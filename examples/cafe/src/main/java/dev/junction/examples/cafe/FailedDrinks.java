package dev.junction.examples.cafe;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.MessagingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The error flow: the baristas' pollers send every failure here, as an error message whose payload is the exception,
 * after the poll's transaction was rolled back. It records the failure and refuses the order, in a new transaction.
 */
@ApplicationScoped
public class FailedDrinks {

    private static final System.Logger LOG = System.getLogger(FailedDrinks.class.getName());

    @Inject
    Ledger ledger;

    @Inject
    OrderTracker tracker;

    @Inject
    Transcript transcript;

    /** @param failure the payload of the error message: the exception, carrying the message that failed */
    @ServiceActivator(inputChannel = "failedDrinks")
    public void handle(Throwable failure) {
        OrderItem item = failedItem(failure);
        if (item == null) {
            // not a drink's failure (a poll that could not even receive): nothing to refuse, but worth a warning
            LOG.log(System.Logger.Level.WARNING, "A barista's poll failed", failure);
            return;
        }
        String reason = rootCause(failure).getMessage();
        transcript.say("error flow", "drink " + item.label() + " failed: " + reason);
        String status = ledger.recordFailure(item, reason);
        transcript.say("error flow", "order " + item.orderNumber() + " refused; drink " + item.label() + " reads "
                + status + (status.equals("ORDERED") ? ": the barista's claim was rolled back" : ""));
        tracker.settled(item);
    }

    /** @return the drink that failed: a barista's failure carries the order item, the waiter's the prepared drink */
    private static OrderItem failedItem(Throwable failure) {
        Object payload = failure instanceof MessagingException messaging && messaging.getFailedMessage() != null
                ? messaging.getFailedMessage().getPayload() : null;
        if (payload instanceof OrderItem item) {
            return item;
        }
        return payload instanceof Drink drink ? drink.item() : null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package dev.junction.impl.endpoint;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Stops an application's endpoints without losing the messages in flight and without a window in which a
 * message finds a channel with no subscriber:
 * <ol>
 * <li>inbound adapters stop, so nothing new enters the flow (gateways already refuse new calls);</li>
 * <li>the stop waits until the flow is quiet: no gateway call in progress, no exchange of a stopped
 * {@link MessageProducerEndpoint} in progress (a request it received still waiting for its reply), no message
 * waiting in an executor channel's executor, every queue polled by a polling consumer empty, no polled message
 * being handled, and no message received since the previous look; then each producer is told the wait is over
 * ({@link MessageProducerEndpoint#drainFinished()});</li>
 * <li>polling consumers stop, and the stop waits for the messages they are handling and for what those sent to
 * executor channels;</li>
 * <li>event-driven consumers stop last, so that every message the steps above sent downstream found them.</li>
 * </ol>
 * One deadline bounds all the waiting; when it passes, the remaining endpoints stop anyway and a warning says what
 * was still in flight.
 *
 * <p>"Quiet" is read from several counters that cannot be read in one atomic step, so it must hold on
 * {@value #QUIET_LOOKS} consecutive looks {@link #LOOK_INTERVAL} apart; a message moving between two queues while
 * they were read changes the received count and restarts the count of looks.
 */
final class DrainingStop {

    private static final System.Logger LOG = System.getLogger(DrainingStop.class.getName());
    static final int QUIET_LOOKS = 3;
    static final Duration LOOK_INTERVAL = Duration.ofMillis(2);

    private final List<AbstractEndpoint> adapters = new ArrayList<>();
    private final List<MessageProducerEndpoint> producers = new ArrayList<>();
    private final List<AbstractPollingEndpoint> pollingConsumers = new ArrayList<>();
    private final List<AbstractEndpoint> eventDriven = new ArrayList<>();
    private final long deadline;
    private final BooleanSupplier othersIdle;

    /**
     * @param stopOrder  the endpoints in the order to stop them (inbound adapters first)
     * @param othersIdle whether nothing outside the endpoints is in flight: gateway calls, executor deliveries
     */
    DrainingStop(List<AbstractEndpoint> stopOrder, Duration timeout, BooleanSupplier othersIdle) {
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.othersIdle = Objects.requireNonNull(othersIdle, "othersIdle");
        for (AbstractEndpoint endpoint : stopOrder) {
            switch (EndpointKind.of(endpoint)) {
                case INBOUND_ADAPTER -> {
                    adapters.add(endpoint);
                    if (endpoint instanceof MessageProducerEndpoint producer) {
                        producers.add(producer);
                    }
                }
                case POLLING_CONSUMER -> pollingConsumers.add((AbstractPollingEndpoint) endpoint);
                case EVENT_DRIVEN -> eventDriven.add(endpoint);
            }
        }
    }

    /** @return whether the flow drained before the deadline */
    boolean run() {
        adapters.forEach(AbstractEndpoint::stop);
        boolean drained = awaitQuiet();
        producers.forEach(DrainingStop::drainFinished);
        pollingConsumers.forEach(AbstractEndpoint::stop);
        drained &= await(() -> pollingConsumers.stream().allMatch(p -> p.messagesInHandling() == 0)
                && othersIdle.getAsBoolean());
        // a poll ends after its last message: its advices still run (a transaction commits, even an empty one)
        drained &= await(() -> Stream.concat(pollingConsumers.stream(), pollingAdapters())
                .allMatch(p -> p.pollsInProgress() == 0));
        eventDriven.forEach(AbstractEndpoint::stop);
        if (!drained) {
            LOG.log(Level.WARNING, () -> "Stopped the endpoints before the messages in flight finished: " + inFlight()
                    + "; a longer drain timeout lets them finish");
        }
        return drained;
    }

    private boolean awaitQuiet() {
        int quietLooks = 0;
        long lastReceived = -1;
        while (true) {
            long received = pollingConsumers.stream().mapToLong(AbstractPollingEndpoint::receivedCount).sum();
            boolean quiet = othersIdle.getAsBoolean() && producersIdle() && pollingConsumers.stream()
                    .allMatch(p -> !p.isRunning() || (p.pendingMessages() == 0 && p.messagesInHandling() == 0));
            quietLooks = quiet && received == lastReceived ? quietLooks + 1 : (quiet ? 1 : 0);
            lastReceived = received;
            if (quietLooks >= QUIET_LOOKS) {
                return true;
            }
            if (!pause()) {
                return false;
            }
        }
    }

    private Stream<AbstractPollingEndpoint> pollingAdapters() {
        return adapters.stream().filter(AbstractPollingEndpoint.class::isInstance)
                .map(AbstractPollingEndpoint.class::cast);
    }

    private boolean producersIdle() {
        return producers.stream().allMatch(producer -> producer.exchangesInProgress() == 0);
    }

    private static void drainFinished(MessageProducerEndpoint producer) {
        try {
            producer.drainFinished();
        } catch (RuntimeException failed) {
            // one producer failing to release must not keep the others, and the consumers, running
            LOG.log(Level.WARNING, "Endpoint '" + producer.getId() + "' failed to release what it kept for its"
                    + " exchanges", failed);
        }
    }

    private boolean await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (!pause()) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code false} once the deadline has passed or the stopping thread is interrupted */
    private boolean pause() {
        if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
            return false;
        }
        LockSupport.parkNanos(Math.min(LOOK_INTERVAL.toNanos(), Math.max(0, deadline - System.nanoTime())));
        return true;
    }

    private String inFlight() {
        StringBuilder text = new StringBuilder(othersIdle.getAsBoolean() ? "" : "gateway calls or executor-channel deliveries in progress; ");
        for (MessageProducerEndpoint producer : producers) {
            long exchanges = producer.exchangesInProgress();
            if (exchanges > 0) {
                text.append("endpoint '").append(producer.getId()).append("': ").append(exchanges)
                        .append(" exchanges in progress; ");
            }
        }
        for (AbstractPollingEndpoint polling : pollingConsumers) {
            int pending = polling.pendingMessages();
            int handling = polling.messagesInHandling();
            if (pending > 0 || handling > 0) {
                text.append("endpoint '").append(polling.getId()).append("': ").append(pending).append(" queued, ")
                        .append(handling).append(" being handled; ");
            }
        }
        Stream.concat(pollingConsumers.stream(), pollingAdapters()).filter(p -> p.pollsInProgress() > 0)
                .forEach(p -> text.append("endpoint '").append(p.getId()).append("': a poll still in progress; "));
        return text.length() == 0 ? "nothing measurable" : text.substring(0, text.length() - 2);
    }
}

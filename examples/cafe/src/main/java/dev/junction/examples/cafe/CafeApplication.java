package dev.junction.examples.cafe;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.time.Duration;
import java.util.List;

/**
 * The cafe as a CDI application on Weld SE. {@link #main} boots the container (bean discovery through
 * {@code META-INF/beans.xml}; the Junction and Narayana extensions come from the class path), places
 * {@linkplain CafeOrders#today() today's orders}, waits until every drink was served or reported failed, prints the
 * database tables, shuts the container down and exits: status 0 when everything happened as it should, 1 otherwise
 * (a drink still outstanding after {@link #PATIENCE}, a row that is not what it should be). Run it with
 * {@code ./mvnw -q -f examples/cafe exec:java} once the project is installed.
 */
public final class CafeApplication {

    /**
     * How long the program waits for the last drink once all orders are placed, unless the system property
     * {@value #PATIENCE_PROPERTY} gives another number of seconds.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The system property that overrides {@link #PATIENCE}, in seconds; {@code 0} shows how a failed run ends. */
    public static final String PATIENCE_PROPERTY = "cafe.patienceSeconds";

    private CafeApplication() {
    }

    /**
     * The result of one run of the program.
     *
     * @param exitStatus 0 when everything happened as it should, 1 otherwise
     * @param outcome the judged outcome, with the tables read back
     * @param transcript every line printed while the container ran
     */
    public record Run(int exitStatus, Outcome outcome, List<String> transcript) {
    }

    /** Runs the program and exits with its status (returning normally for 0, as exec:java expects). */
    public static void main(String[] args) throws InterruptedException {
        Run run = run(CafeOrders.today(), Duration.ofSeconds(Long.getLong(PATIENCE_PROPERTY, PATIENCE.toSeconds())),
                CafeDatabaseFile.fromSystemProperty("day"));
        if (run.exitStatus() != 0) {
            System.exit(run.exitStatus());
        }
    }

    /**
     * Runs the whole program: boot, serve (resuming the day the database holds, if it was interrupted), judge, shut
     * down. A day that went as it should is closed: its database is deleted, and the next run starts a new day.
     * Otherwise the database stays, and the next run on it resumes the day.
     *
     * @param orders the orders to place
     * @param patience how long to wait for the last drink
     * @param database where the ledger and the queues are kept
     * @return how it went
     * @throws InterruptedException when interrupted while waiting for the drinks
     */
    public static Run run(List<Order> orders, Duration patience, CafeDatabaseFile database)
            throws InterruptedException {
        TransactionStore.configure();
        Outcome outcome;
        List<String> lines;
        try (SeContainer container = SeContainerInitializer.newInstance().addExtensions(database).initialize()) {
            Transcript transcript = container.select(Transcript.class).get();
            outcome = container.select(CafeDay.class).get().serve(orders, patience);
            long served = outcome.ledger().orders().stream().filter(row -> row.status().equals("SERVED")).count();
            long refused = outcome.ledger().orders().stream().filter(row -> row.status().equals("REFUSED")).count();
            transcript.say("cafe", served + " orders served, " + refused + " refused");
            outcome.problems().forEach(problem -> transcript.say("PROBLEM", problem));
            lines = transcript.lines();
        }
        if (outcome.ok()) {
            database.delete();
            System.out.println("cafe closed: every order went as it should (exit status 0)");
        } else {
            System.out.println("cafe closed with " + outcome.problems().size() + " problem(s) (exit status 1); the"
                    + " day's database stays at " + database.path() + ", and the next run resumes the day");
        }
        return new Run(outcome.ok() ? 0 : 1, outcome, lines);
    }
}

package dev.junction.examples.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import dev.junction.examples.cafe.LedgerSnapshot.FailureRow;
import dev.junction.examples.cafe.LedgerSnapshot.ItemRow;
import dev.junction.examples.cafe.LedgerSnapshot.OrderRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole program in-process — Weld SE with bean discovery, the Junction and Narayana extensions, the XA H2
 * database — and checks what it left in the database and what it said.
 */
class CafeApplicationTest {

    /** Generous: the day's drinks take about two seconds of barista time. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path databases;

    @Test
    void servesEveryOrderItCanAndRefusesTheOneWithAnUnknownDrinkRollingBackTheBaristasClaim() throws Exception {
        CafeDatabaseFile database = new CafeDatabaseFile(databases.resolve("day"));
        CafeApplication.Run run = CafeApplication.run(CafeOrders.today(), PATIENCE, database);

        assertThat(run.outcome().problems()).isEmpty();
        assertThat(run.exitStatus()).isZero();
        LedgerSnapshot ledger = run.outcome().ledger();
        assertThat(ledger.orders()).containsExactly(new OrderRow(1, 2, "SERVED"), new OrderRow(2, 3, "SERVED"),
                new OrderRow(3, 3, "SERVED"), new OrderRow(4, 2, "REFUSED"), new OrderRow(5, 3, "SERVED"));

        List<ItemRow> failed = ledger.items().stream().filter(row -> row.drink().equals(CafeOrders.UNKNOWN_DRINK))
                .toList();
        // the cold barista claimed it inside the poll's transaction; the rollback undid the claim
        assertThat(failed).containsExactly(new ItemRow(4, 2, CafeOrders.UNKNOWN_DRINK, true, "ORDERED", null, null));
        assertThat(ledger.failures()).containsExactly(
                new FailureRow(4, 2, "no recipe for '" + CafeOrders.UNKNOWN_DRINK + "' on the menu"));

        List<ItemRow> served = ledger.items().stream().filter(row -> !row.drink().equals(CafeOrders.UNKNOWN_DRINK))
                .toList();
        assertThat(served).hasSize(12).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("SERVED");
            assertThat(row.barista()).isEqualTo(row.iced() ? "cold barista" : "hot barista");
            assertThat(row.thread()).startsWith("junction-scheduler-");
        });

        assertThat(run.transcript())
                .anySatisfy(line -> assertThat(line).contains("cold barista").contains("claimed 4.2 unicorn frappe"))
                .anySatisfy(line -> assertThat(line).startsWith("error flow")
                        .contains("drink 4.2 unicorn frappe failed: no recipe for 'unicorn frappe' on the menu"))
                .anySatisfy(line -> assertThat(line).startsWith("error flow")
                        .contains("order 4 refused; drink 4.2 unicorn frappe reads ORDERED: the barista's claim was"
                                + " rolled back"))
                .anySatisfy(line -> assertThat(line).startsWith("waiter").contains("order 5 served"))
                .anySatisfy(line -> assertThat(line).startsWith("pager").contains("no signal buzzing for"))
                .anySatisfy(line -> assertThat(line).startsWith("router").contains("3.3 iced latte -> coldDrinks"))
                .anySatisfy(line -> assertThat(line).startsWith("cafe").contains("4 orders served, 1 refused"));
        // the failed order's hot drink was still delivered: only the unknown drink's transaction rolled back
        assertThat(run.transcript()).anySatisfy(line -> assertThat(line).startsWith("waiter")
                .contains("delivered 4.1 espresso (made by the hot barista)"));
        // nothing in the waiter's lines about order 4 being served
        assertThat(run.transcript()).noneSatisfy(line -> assertThat(line).contains("order 4 served"));
        // the failed drink came back from its persistent queue after the rollback, and was dropped, not made again
        assertThat(run.transcript()).anySatisfy(line -> assertThat(line).startsWith("cold barista")
                .contains("dropped 4.2 unicorn frappe: it failed before"));
        assertThat(database.exists()).as("a day that went as it should is closed: its database is deleted").isFalse();
        // Narayana found the program's jbossts-properties.xml on the class path
        assertThat(arjPropertyManager.getCoreEnvironmentBean().getNodeIdentifier()).isEqualTo("junction-cafe");
    }

    @Test
    void aDayThatRunsOutOfPatienceEndsWithExitStatusOneAndSaysWhy() throws Exception {
        // no patience at all: the hot barista makes its seven drinks one after the other, about 1.6 s of work that
        // cannot all be done when the last receipt comes back
        CafeApplication.Run run = CafeApplication.run(CafeOrders.today(), Duration.ZERO,
                new CafeDatabaseFile(databases.resolve("impatient")));

        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.outcome().problems()).first().asString()
                .startsWith("timed out after 0 ms waiting for deliveries; still outstanding: [");
        assertThat(run.transcript()).anySatisfy(line -> assertThat(line).startsWith("PROBLEM").contains("timed out"));
    }
}

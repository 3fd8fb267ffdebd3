package dev.junction.examples.cafe;

import dev.junction.examples.cafe.LedgerSnapshot.FailureRow;
import dev.junction.examples.cafe.LedgerSnapshot.ItemRow;
import dev.junction.examples.cafe.LedgerSnapshot.OrderRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the cafe's tables back, outside any transaction, so it sees exactly what was committed. */
@ApplicationScoped
public class LedgerReport {

    @Inject
    DataSource database;

    /** @return the committed rows of every table */
    @Transactional(TxType.NOT_SUPPORTED)
    public LedgerSnapshot read() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<OrderRow> orders = new ArrayList<>();
            try (ResultSet row = statement.executeQuery(
                    "select order_number, drinks, status from orders order by order_number")) {
                while (row.next()) {
                    orders.add(new OrderRow(row.getInt(1), row.getInt(2), row.getString(3)));
                }
            }
            List<ItemRow> items = new ArrayList<>();
            try (ResultSet row = statement.executeQuery("select order_number, item_number, drink, iced, status, barista,"
                    + " thread from order_items order by order_number, item_number")) {
                while (row.next()) {
                    items.add(new ItemRow(row.getInt(1), row.getInt(2), row.getString(3), row.getBoolean(4),
                            row.getString(5), row.getString(6), row.getString(7)));
                }
            }
            List<FailureRow> failures = new ArrayList<>();
            try (ResultSet row = statement.executeQuery(
                    "select order_number, item_number, reason from failures order by order_number, item_number")) {
                while (row.next()) {
                    failures.add(new FailureRow(row.getInt(1), row.getInt(2), row.getString(3)));
                }
            }
            return new LedgerSnapshot(orders, items, failures);
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not read the cafe's tables", failed);
        }
    }
}

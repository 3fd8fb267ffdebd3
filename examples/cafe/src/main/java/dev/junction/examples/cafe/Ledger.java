package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Every write the cafe makes: orders taken, drinks claimed and served, failures. Each method states the transaction
 * it needs; those called from the baristas' flow are {@code MANDATORY}, so they can only run inside the transaction
 * of the transactional poller that took the drink, and roll back with it.
 *
 * <p>Item statuses: {@code ORDERED} (the counter wrote it), {@code PREPARING} (a barista claimed it, visible only
 * inside the poll's transaction), {@code SERVED}. Order statuses: {@code PLACED}, {@code SERVED}, {@code REFUSED}.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    DataSource database;

    /** Records a new order and its drinks, in the counter's transaction that also queues the order. */
    @Transactional
    public void recordOrder(Order order) {
        try (Connection connection = database.getConnection()) {
            update(connection, "insert into orders (order_number, drinks, status) values (?, ?, 'PLACED')",
                    order.number(), order.items().size());
            for (OrderItem item : order.items()) {
                update(connection, "insert into order_items (order_number, item_number, drink, iced, status)"
                        + " values (?, ?, ?, ?, 'ORDERED')", item.orderNumber(), item.itemNumber(), item.drink(),
                        item.iced());
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not record order " + order.number(), failed);
        }
    }

    /**
     * A barista takes the drink's ticket: writes their name and thread on it. A drink whose failure was recorded is
     * not claimed: a failed poll's rollback leaves the drink on its persistent queue, and the next poll takes it again.
     *
     * @return whether the drink is to be made; {@code false} for a drink that failed before
     */
    @Transactional(TxType.MANDATORY)
    public boolean claim(OrderItem item, String barista) {
        try (Connection connection = database.getConnection()) {
            if (count(connection, "select count(*) from failures where order_number = ? and item_number = ?",
                    item.orderNumber(), item.itemNumber()) > 0) {
                return false;
            }
            int claimed = update(connection, "update order_items set status = 'PREPARING', barista = ?, thread = ?"
                    + " where order_number = ? and item_number = ? and status = 'ORDERED'", barista,
                    Thread.currentThread().getName(), item.orderNumber(), item.itemNumber());
            if (claimed != 1) {
                throw new IllegalStateException("Drink " + item.label() + " is not waiting to be made");
            }
            return true;
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not claim drink " + item.label(), failed);
        }
    }

    /**
     * Marks a prepared drink served and, when it was the order's last one, the order too.
     *
     * @return whether the whole order is now served
     */
    @Transactional(TxType.MANDATORY)
    public boolean serve(Drink drink) {
        OrderItem item = drink.item();
        try (Connection connection = database.getConnection()) {
            int served = update(connection, "update order_items set status = 'SERVED' where order_number = ?"
                    + " and item_number = ? and status = 'PREPARING'", item.orderNumber(), item.itemNumber());
            if (served != 1) {
                throw new IllegalStateException("Drink " + item.label() + " was not being prepared");
            }
            // the hot and the cold barista may finish the same order at once: the order's row lock makes the
            // second wait for the first to commit, so exactly one of them sees that nothing is left
            String status = lockOrder(connection, item.orderNumber());
            if (!"PLACED".equals(status) || count(connection, "select count(*) from order_items where order_number = ?"
                    + " and status <> 'SERVED'", item.orderNumber()) > 0) {
                return false;
            }
            update(connection, "update orders set status = 'SERVED' where order_number = ?", item.orderNumber());
            return true;
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not serve drink " + item.label(), failed);
        }
    }

    /**
     * Records why a drink could not be made and refuses its order, in a transaction of its own (the one the failure
     * happened in is already rolled back).
     *
     * @return the drink's status as the database now shows it
     */
    @Transactional
    public String recordFailure(OrderItem item, String reason) {
        try (Connection connection = database.getConnection()) {
            lockOrder(connection, item.orderNumber());
            update(connection, "insert into failures (order_number, item_number, reason) values (?, ?, ?)",
                    item.orderNumber(), item.itemNumber(), reason);
            update(connection, "update orders set status = 'REFUSED' where order_number = ?", item.orderNumber());
            try (PreparedStatement query = prepare(connection, "select status from order_items where order_number = ?"
                    + " and item_number = ?", item.orderNumber(), item.itemNumber());
                    ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "(missing)";
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not record the failure of drink " + item.label(), failed);
        }
    }

    private static String lockOrder(Connection connection, int orderNumber) throws SQLException {
        try (PreparedStatement query = prepare(connection, "select status from orders where order_number = ?"
                + " for update", orderNumber); ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("Order " + orderNumber + " was never recorded");
            }
            return row.getString(1);
        }
    }

    private static int update(Connection connection, String sql, Object... arguments) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, arguments)) {
            return statement.executeUpdate();
        }
    }

    private static int count(Connection connection, String sql, Object... arguments) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, arguments); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... arguments)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement;
        } catch (SQLException failed) {
            statement.close();
            throw failed;
        }
    }
}

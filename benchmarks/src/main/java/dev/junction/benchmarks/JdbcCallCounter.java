package dev.junction.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what a data source's users ask of the database: connections borrowed, statements executed, and the
 * transactions that change data and must therefore be written durably before they return (a changing statement on an
 * auto-commit connection, or an explicit commit). With the PostgreSQL driver each statement and each commit or
 * rollback is one network round trip, so {@link #roundTrips()} counts those.
 */
final class JdbcCallCounter {

    private final LongAdder connections = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder changingAutoCommits = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();

    /** @return a data source that counts every call through it into this counter */
    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                connections.increment();
            }
        });
    }

    long connections() {
        return connections.sum();
    }

    long statements() {
        return statements.sum();
    }

    /** @return changing statements on auto-commit connections plus explicit commits: each waits for the log */
    long writingCommits() {
        return changingAutoCommits.sum() + commits.sum();
    }

    long roundTrips() {
        return statements.sum() + commits.sum() + rollbacks.sum();
    }

    void reset() {
        connections.reset();
        statements.reset();
        changingAutoCommits.reset();
        commits.reset();
        rollbacks.reset();
    }

    /** What to count when a method is called on a proxy, before it runs. */
    @FunctionalInterface
    private interface Tally {
        void on(Method method, Object[] args) throws Exception;
    }

    private <T> T proxy(Class<T> type, Object target, Tally tally) {
        InvocationHandler handler = (self, method, args) -> {
            tally.on(method, args);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, (called, callArgs) -> onConnection(called));
            }
            if (result instanceof Statement statement && target instanceof Connection connection) {
                String preparedSql = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                Class<? extends Statement> kind = statement instanceof PreparedStatement ? PreparedStatement.class
                        : Statement.class;
                return proxy(kind, statement, (called, callArgs) -> onStatement(connection, preparedSql, called,
                        callArgs));
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(JdbcCallCounter.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private void onConnection(Method method) {
        switch (method.getName()) {
            case "commit" -> commits.increment();
            case "rollback" -> rollbacks.increment();
            default -> { }
        }
    }

    private void onStatement(Connection connection, String preparedSql, Method method, Object[] args)
            throws Exception {
        if (!method.getName().startsWith("execute")) {
            return;
        }
        statements.increment();
        String sql = args != null && args.length > 0 && args[0] instanceof String given ? given : preparedSql;
        if (connection.getAutoCommit() && changes(sql)) {
            changingAutoCommits.increment();
        }
    }

    /** @return whether a statement changes rows (and so, on its own, makes a transaction that writes the log) */
    private static boolean changes(String sql) {
        String verb = sql == null ? "" : sql.stripLeading().toUpperCase(Locale.ROOT);
        return verb.startsWith("INSERT") || verb.startsWith("UPDATE") || verb.startsWith("DELETE")
                || verb.startsWith("MERGE") || verb.contains(" TABLE (DELETE") || verb.contains(" TABLE (UPDATE");
    }
}

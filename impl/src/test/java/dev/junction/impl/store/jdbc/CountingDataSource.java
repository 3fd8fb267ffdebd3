package dev.junction.impl.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that records what its users ask of the database: the connections borrowed, the SQL of every
 * statement executed and the explicit commits. Each of those is one network round trip with a server database.
 */
final class CountingDataSource {

    private final DataSource target;
    private int connections;
    private int commits;
    private final List<String> executed = new ArrayList<>();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** @return the data source to give the code under test */
    DataSource dataSource() {
        return proxy(DataSource.class, target, null);
    }

    synchronized int connections() {
        return connections;
    }

    synchronized int commits() {
        return commits;
    }

    /** @return the SQL of the statements executed, in order */
    synchronized List<String> executed() {
        return List.copyOf(executed);
    }

    synchronized void reset() {
        connections = 0;
        commits = 0;
        executed.clear();
    }

    private synchronized void record(String method, Object[] args, String preparedSql) {
        if (method.equals("getConnection")) {
            connections++;
        } else if (method.equals("commit")) {
            commits++;
        } else if (method.startsWith("execute")) {
            executed.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
        }
    }

    private <T> T proxy(Class<T> type, Object delegate, String preparedSql) {
        InvocationHandler handler = (self, method, args) -> {
            record(method.getName(), args, preparedSql);
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, null);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, null);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }
}

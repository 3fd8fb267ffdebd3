package dev.junction.tck.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A one-column table of ids behind a data source: the SQL both containers' {@link TestDatabase} beans share. Its name
 * is random, so deployments sharing one database (WildFly's default datasource) never see each other's rows.
 */
public final class IdTable {

    private final DataSource dataSource;
    private final String name;

    private IdTable(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /**
     * Creates a new table.
     *
     * @param dataSource where
     * @return the table
     */
    public static IdTable create(DataSource dataSource) {
        IdTable table = new IdTable(Objects.requireNonNull(dataSource, "dataSource"),
                "written_" + UUID.randomUUID().toString().replace('-', '_'));
        table.execute("create table " + table.name + " (id varchar(100) primary key)");
        return table;
    }

    /** Drops the table. */
    public void drop() {
        execute("drop table " + name);
    }

    /** @see TestDatabase#insert(String) */
    public void insert(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into " + name + " (id) values (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        } catch (SQLException failed) {
            throw new IllegalStateException("inserting " + id + " into " + name + " failed", failed);
        }
    }

    /** @see TestDatabase#committedRows() */
    public List<String> committedRows() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from " + name + " order by id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException failed) {
            throw new IllegalStateException("reading " + name + " failed", failed);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed", failed);
        }
    }
}

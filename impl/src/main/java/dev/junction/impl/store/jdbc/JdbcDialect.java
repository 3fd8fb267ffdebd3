package dev.junction.impl.store.jdbc;

/**
 * The databases the JDBC stores speak to, each with the SQL that takes a queue's head without waiting for, or
 * taking, a row another transaction holds.
 */
public enum JdbcDialect {

    /**
     * H2 2.x, the embedded default. H2 has {@code FOR UPDATE SKIP LOCKED} (row locks of its MVStore engine) but no
     * {@code DELETE ... RETURNING}: a delete returns its rows through a data change delta table. It does not skip
     * locked rows in a {@code DELETE}'s subquery, so a queue's take selects the head with {@code SKIP LOCKED}, then
     * deletes it, in one transaction.
     */
    H2("schema-h2.sql"),

    /** PostgreSQL: {@code DELETE ... WHERE ID = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING}. */
    POSTGRESQL("schema-postgresql.sql");

    private final String schemaResource;

    JdbcDialect(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    /** @return the class path resource holding this database's DDL, with the default table prefix */
    public String schemaResource() {
        return "dev/junction/impl/store/jdbc/" + schemaResource;
    }

    /** Wraps a {@code DELETE} so that it returns the deleted rows' columns. */
    String deleteReturning(String delete, String columns) {
        return this == POSTGRESQL ? delete + " RETURNING " + columns
                : "SELECT " + columns + " FROM OLD TABLE (" + delete + ")";
    }

    /** An insert that does nothing when the key exists; its update count says whether it inserted. */
    String insertIfAbsent(String table, String keyColumn, String valueColumn) {
        return this == POSTGRESQL
                ? "INSERT INTO " + table + " (" + keyColumn + ", " + valueColumn + ") VALUES (?, ?) ON CONFLICT ("
                        + keyColumn + ") DO NOTHING"
                : "MERGE INTO " + table + " T USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(4000)))) S(K, V) ON T."
                        + keyColumn + " = S.K WHEN NOT MATCHED THEN INSERT (" + keyColumn + ", " + valueColumn
                        + ") VALUES (S.K, S.V)";
    }

    /** @return the dialect of a database by its JDBC product name, or {@code null} when none fits */
    static JdbcDialect ofProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return name.contains("h2") ? H2 : null;
    }
}

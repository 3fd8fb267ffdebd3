/**
 * The in-memory stores and the serializers the database stores use for payloads and header values. The JDBC
 * stores are in {@link dev.junction.impl.store.jdbc}, built through {@link dev.junction.impl.store.jdbc.JdbcStores}.
 */
package dev.junction.impl.store;

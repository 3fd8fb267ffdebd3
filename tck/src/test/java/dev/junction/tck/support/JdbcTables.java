package dev.junction.tck.support;

import dev.junction.impl.store.jdbc.JdbcStores;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Junction's JDBC stores on the container's {@link TestDatabase}, in tables of this deployment's own (a random
 * prefix: other deployments of the run may share the database), created when the bean is first used. Deployments
 * that use it add it ({@code Deployments.war(..., JdbcTables.class)}) with {@link Deployments#withDatabase}.
 */
@ApplicationScoped
public class JdbcTables {

    @Inject
    TestDatabase db;

    private JdbcStores stores;

    @PostConstruct
    void create() {
        String prefix = "TCK" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        stores = JdbcStores.builder(db.dataSource()).tablePrefix(prefix).build().createSchema();
    }

    /** @return the stores */
    public JdbcStores stores() {
        return stores;
    }
}

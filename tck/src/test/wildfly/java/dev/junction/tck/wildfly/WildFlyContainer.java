package dev.junction.tck.wildfly;

import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TckContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A managed WildFly ({@code -Pwildfly}): the server provides CDI, JTA and the rest of the platform; deployments bring
 * only the Junction jars. The transaction tests get {@link ExampleDsDatabase}, on the server's own default
 * datasource and transaction manager.
 */
public final class WildFlyContainer implements TckContainer {

    @Override
    public String name() {
        return "wildfly";
    }

    @Override
    public void complete(WebArchive deployment) {
        // nothing: the platform modules Junction uses are visible to every deployment
    }

    @Override
    public String pollerThreadPrefix() {
        return "EE-ManagedScheduledExecutorService-default-"; // the server's default managed scheduled executor
    }

    @Override
    public String asyncGatewayThreadPrefix() {
        return "EE-ManagedExecutorService-default-";
    }

    @Override
    public void addDatabase(WebArchive deployment) {
        deployment.addClasses(ExampleDsDatabase.class, IdTable.class);
    }
}

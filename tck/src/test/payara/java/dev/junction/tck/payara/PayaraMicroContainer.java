package dev.junction.tck.payara;

import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TckContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Payara Micro ({@code -Ppayara}): the server provides CDI, JTA and the rest of the platform; deployments bring only
 * the Junction jars. The transaction tests get {@link DefaultDatabase}, on the server's default datasource and
 * transaction manager.
 */
public final class PayaraMicroContainer implements TckContainer {

    @Override
    public String name() {
        return "payara";
    }

    @Override
    public void complete(WebArchive deployment) {
        // nothing: the platform APIs Junction uses are visible to every deployment
    }

    @Override
    public String pollerThreadPrefix() {
        // the default managed scheduled executor's thread factory: "<its JNDI name>-managedThreadFactory-Thread-<n>"
        return "concurrent/__defaultManagedScheduledExecutorService-managedThreadFactory-Thread-";
    }

    @Override
    public String asyncGatewayThreadPrefix() {
        return "concurrent/__defaultManagedExecutorService-managedThreadFactory-Thread-";
    }

    @Override
    public void addDatabase(WebArchive deployment) {
        deployment.addClasses(DefaultDatabase.class, IdTable.class);
    }
}

package dev.junction.tck.weld;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TckContainer;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Weld embedded (the default profile): Weld runs in the test JVM and loads every portable extension of the test
 * class path, the Junction extension and Narayana's (JTA as CDI beans, the {@code @Transactional} interceptors), so
 * deployments need nothing more; the transaction tests get {@link NarayanaH2Database}.
 */
public final class WeldEmbeddedContainer implements TckContainer {

    static {
        // Narayana reads these once, at its first transaction: keep its object store inside this build's target/
        // (two builds never share one) and run no recovery listener on a socket
        String target = System.getProperty("tck.target", "target");
        String store = Path.of(target, "narayana-store", UUID.randomUUID().toString()).toAbsolutePath().toString();
        for (String name : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean bean = name == null
                    ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            bean.setObjectStoreDir(store);
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("junction-tck");
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        } catch (Exception cannotSet) {
            throw new ExceptionInInitializerError(cannotSet);
        }
    }

    @Override
    public String name() {
        return "weld";
    }

    @Override
    public void complete(WebArchive deployment) {
        // nothing: the extensions come from the test class path
    }

    @Override
    public String pollerThreadPrefix() {
        return "junction-scheduler-"; // no managed executors in Weld embedded: Junction's own
    }

    @Override
    public String asyncGatewayThreadPrefix() {
        return "junction-gateway-";
    }

    @Override
    public void addDatabase(WebArchive deployment) {
        deployment.addClasses(NarayanaH2Database.class, IdTable.class);
    }
}

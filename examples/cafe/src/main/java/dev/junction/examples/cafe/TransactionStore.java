package dev.junction.examples.cafe;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where Narayana keeps its transaction log: a fresh temporary directory per JVM, deleted when the JVM exits. Without
 * this Narayana writes {@code ObjectStore/} into whatever directory the program was started from.
 *
 * <p>The rest of Narayana's configuration is in {@code jbossts-properties.xml}. Narayana reads its configuration
 * once, when its transaction manager is first used: {@link #configure()} must run before the CDI container boots.
 * Later calls return the same directory.
 */
final class TransactionStore {

    private static final System.Logger LOG = System.getLogger(TransactionStore.class.getName());

    private static Path directory;

    private TransactionStore() {
    }

    /** @return the object store directory, created and configured on the first call */
    static synchronized Path configure() {
        if (directory == null) {
            directory = createDirectory();
            // the default store and the two named ones Narayana also opens
            for (String name : new String[] {null, "communicationStore", "stateStore"}) {
                ObjectStoreEnvironmentBean store = name == null
                        ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                        : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
                store.setObjectStoreDir(directory.toString());
            }
            Path toDelete = directory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(toDelete), "junction-cafe-tx-store-cleanup"));
        }
        return directory;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("junction-cafe-tx-");
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot create a directory for Narayana's transaction log", failed);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException failed) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the transaction log directory " + root, failed);
        }
    }
}

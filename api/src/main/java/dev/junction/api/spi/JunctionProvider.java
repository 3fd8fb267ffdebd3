package dev.junction.api.spi;

import dev.junction.api.runtime.Junction;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Creates runtimes for {@link Junction#builder()}. The runtime registers one implementation in
 * {@code META-INF/services/dev.junction.api.spi.JunctionProvider}; application code does not use this interface.
 */
public interface JunctionProvider {

    /** @return a builder of a new runtime */
    Junction.Builder builder();

    /**
     * @return the provider on the class path
     * @throws IllegalStateException naming the missing artifact when there is none
     */
    static JunctionProvider find() {
        Iterator<JunctionProvider> providers = ServiceLoader.load(JunctionProvider.class,
                JunctionProvider.class.getClassLoader()).iterator();
        if (!providers.hasNext()) { // an application server may see the runtime only through the application
            providers = ServiceLoader.load(JunctionProvider.class).iterator();
        }
        if (!providers.hasNext()) {
            throw new IllegalStateException("JNC-0001 No Junction runtime is on the class path; add the dependency"
                    + " dev.junction:junction-impl");
        }
        return providers.next();
    }
}

package dev.junction.tck.support;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What differs between the containers the TCK runs on, kept out of the tests: each container profile's test source
 * folder ({@code src/test/<profile>/java}) holds one implementation, registered as a service, so exactly one is on
 * the class path of a build. Used on the client side, while deployments are built.
 */
public interface TckContainer {

    /** @return the container's name, as in {@code arquillian.xml} */
    String name();

    /**
     * Adds what every deployment needs on this container beyond the Junction libraries and the test's classes
     * (descriptors, module dependencies); nothing when the container needs nothing more.
     *
     * @param deployment the deployment being built
     */
    void complete(WebArchive deployment);

    /**
     * Adds this container's {@link TestDatabase} bean and what it needs.
     *
     * @param deployment the deployment being built
     */
    void addDatabase(WebArchive deployment);

    /**
     * @return the prefix of the names of the threads pollers run on in this container (its managed scheduled
     *         executor's, or Junction's own in Java SE)
     */
    String pollerThreadPrefix();

    /** @return the prefix of the names of the threads asynchronous gateway calls run on in this container */
    String asyncGatewayThreadPrefix();

    /**
     * @return the one implementation on the class path
     * @throws IllegalStateException when there is none or several (a profile's test sources are missing or mixed)
     */
    static TckContainer current() {
        Iterator<TckContainer> found = ServiceLoader.load(TckContainer.class, TckContainer.class.getClassLoader())
                .iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("No " + TckContainer.class.getName() + " on the class path: run the TCK"
                    + " through Maven, whose container profile (default: weld; -Pwildfly, -Ppayara) adds"
                    + " src/test/<profile>/java to the test sources");
        }
        TckContainer container = found.next();
        if (found.hasNext()) {
            throw new IllegalStateException("Several " + TckContainer.class.getName() + " implementations on the class"
                    + " path (" + container.name() + ", " + found.next().name() + "): activate one container profile");
        }
        return container;
    }
}

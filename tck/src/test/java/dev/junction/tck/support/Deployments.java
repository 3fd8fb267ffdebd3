package dev.junction.tck.support;

import dev.junction.api.message.Message;
import dev.junction.cdi.JunctionExtension;
import dev.junction.impl.channel.DirectChannel;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the TCK's deployments, the same on every container: a web archive holding the test class with its nested
 * classes in {@code WEB-INF/classes}, a {@code beans.xml} in the requested discovery mode, and the Junction jars as
 * libraries in {@code WEB-INF/lib}, as an application ships them (the extension is found through the jar's
 * {@code META-INF/services}), plus what the running container needs ({@link TckContainer}).
 *
 * <p>The libraries are the very jars (or class folders) the test class path holds, imported whole: the Maven
 * reactor's freshly built modules, with no repository lookup, so the TCK tests what the build just made. On Weld
 * embedded they are also on the test class path, which loads classes first, so they appear once.
 */
public final class Deployments {

    /** A class of each library a deployment carries: the Junction modules and the test libraries. */
    private static final List<Class<?>> LIBRARIES = List.of(Message.class, DirectChannel.class,
            JunctionExtension.class, Assertions.class, Awaitility.class, Matcher.class);

    private Deployments() {
    }

    /**
     * @param testClass  the test class; it and every class nested in it are added
     * @param discovery  the {@code beans.xml} discovery mode
     * @param moreClasses other classes to add, with their nested classes
     * @return the deployment, named after the test class
     */
    public static WebArchive war(Class<?> testClass, BeanDiscovery discovery, Class<?>... moreClasses) {
        return war(testClass.getSimpleName(), discovery, testClass, moreClasses);
    }

    /**
     * @param name      the archive's name without {@code .war}: unique among the deployments of a run
     * @param discovery the {@code beans.xml} discovery mode
     * @param mainClass a class to add with every class nested in it
     * @param moreClasses other classes to add, with their nested classes
     * @return the deployment
     */
    public static WebArchive war(String name, BeanDiscovery discovery, Class<?> mainClass, Class<?>... moreClasses) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(discovery.beansXml()), "beans.xml")
                .addClasses(Waiting.class, Threads.class, TestDatabase.class)
                .addClasses(withNested(mainClass, moreClasses));
        for (Class<?> member : LIBRARIES) {
            war.addAsLibrary(libraryOf(member));
        }
        TckContainer.current().complete(war);
        return war;
    }

    /**
     * Adds the library (jar or class folder) that holds a class, for deployments that need a Junction module beyond
     * the ones every deployment carries (the HTTP gateways).
     *
     * @param war    a deployment from {@link #war}
     * @param member a class of the library
     * @return the same deployment
     */
    public static WebArchive withLibraryOf(WebArchive war, Class<?> member) {
        return war.addAsLibrary(libraryOf(member));
    }

    /**
     * Adds the container's {@link TestDatabase} bean.
     *
     * @param war a deployment from {@link #war}
     * @return the same deployment
     */
    public static WebArchive withDatabase(WebArchive war) {
        TckContainer.current().addDatabase(war);
        return war;
    }

    /**
     * @return the classes, every class nested in them at any depth, and the classes enclosing them: a container
     *         loading a nested class needs its enclosing class too (WildFly skips the nested class without it)
     */
    private static Class<?>[] withNested(Class<?> first, Class<?>... more) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(first);
        pending.addAll(List.of(more));
        while (!pending.isEmpty()) {
            Class<?> next = pending.poll();
            if (all.add(next)) {
                pending.addAll(List.of(next.getDeclaredClasses()));
            }
        }
        for (Class<?> added : List.copyOf(all)) {
            for (Class<?> outer = added.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                all.add(outer);
            }
        }
        return all.toArray(Class<?>[]::new);
    }

    /** @return the jar (or class folder, when run from an IDE) that holds the class, as a library archive */
    private static JavaArchive libraryOf(Class<?> member) {
        File location;
        try {
            location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException | NullPointerException noLocation) {
            throw new IllegalStateException("Cannot tell which jar holds " + member.getName()
                    + " to package it into the deployment", noLocation);
        }
        if (Files.isDirectory(location.toPath())) {
            return ShrinkWrap.create(ExplodedImporter.class, libraryName(location) + ".jar").importDirectory(location)
                    .as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }

    /** A class folder {@code <module>/target/classes} becomes {@code <module>.jar}. */
    private static String libraryName(File classFolder) {
        File target = classFolder.getParentFile();
        File module = target == null ? null : target.getParentFile();
        return module == null ? classFolder.getName() : module.getName();
    }
}

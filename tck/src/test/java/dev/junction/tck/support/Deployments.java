package dev.junction.tck.support;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the TCK's deployments, the same on every container: a web archive holding the test class with its nested
 * classes in {@code WEB-INF/classes}, a {@code beans.xml} in the requested discovery mode, and in {@code WEB-INF/lib}
 * the libraries as Maven resolves them for an application (the extension is found through the jar's
 * {@code META-INF/services}), plus what the running container needs ({@link TckContainer}).
 *
 * <p>The libraries are {@code junction-cdi} and the test libraries used inside the server, with their compile and
 * runtime dependencies, resolved by the ShrinkWrap Maven resolver from this module's {@code pom.xml} (versions) and
 * the dependencies' own POMs (scopes): what a server provides is {@code provided} there and stays out, so a
 * dependency that would clash with the server's shows up in these deployments. Junction's own modules resolve to
 * what this build just made (the resolver finds the reactor's modules on the test class path), never to an
 * installed copy; everything else is already in the local repository, since this build resolved it. On Weld embedded
 * the libraries are also on the test class path, which loads classes first, so they appear once.
 */
public final class Deployments {

    /** What every deployment carries, as Maven coordinates (the version comes from this module's pom.xml). */
    private static final List<String> LIBRARIES = List.of("dev.junction:junction-cdi", "org.assertj:assertj-core",
            "org.awaitility:awaitility");

    /** Resolved once per set of coordinates: every deployment of a run resolves the same ones. */
    private static final Map<List<String>, List<JavaArchive>> RESOLVED = new ConcurrentHashMap<>();

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
        war.addAsLibraries(resolve(LIBRARIES));
        TckContainer.current().complete(war);
        return war;
    }

    /**
     * Adds more libraries, as Maven resolves them with their compile and runtime dependencies, for deployments that
     * need a Junction module beyond the ones every deployment carries (the HTTP gateways: {@code
     * dev.junction:junction-jaxrs}). A jar already in the deployment is not added twice.
     *
     * @param war         a deployment from {@link #war}
     * @param coordinates {@code groupId:artifactId} of each library, each a dependency of this module's pom.xml
     * @return the same deployment
     */
    public static WebArchive withLibraries(WebArchive war, String... coordinates) {
        Set<String> present = new LinkedHashSet<>();
        war.getContent(path -> path.get().startsWith("/WEB-INF/lib/")).keySet()
                .forEach(path -> present.add(path.get().substring("/WEB-INF/lib/".length())));
        for (JavaArchive library : resolve(List.of(coordinates))) {
            if (!present.contains(library.getName())) {
                war.addAsLibrary(library);
            }
        }
        return war;
    }

    /**
     * @return the libraries, with their compile and runtime dependencies, as this module's Maven build resolves them
     */
    private static List<JavaArchive> resolve(List<String> coordinates) {
        return RESOLVED.computeIfAbsent(List.copyOf(coordinates), wanted -> Stream.of(Maven.configureResolver()
                .workOffline().loadPomFromFile("pom.xml").resolve(wanted).withTransitivity().asFile())
                .map(Deployments::library).toList());
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

    /** @return the jar, or the class folder of a module built without a jar, as a library archive */
    private static JavaArchive library(File location) {
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

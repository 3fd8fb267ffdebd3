package dev.junction.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The libraries a deployment carries are those Maven resolves for an application using Junction: Junction's modules
 * and their own dependencies, and none of what every server ships (a second copy would load beside the server's).
 * Runs on the client side, without a container.
 */
class DeploymentsTest {

    @Test
    void aDeploymentCarriesJunctionAndNothingTheServerProvides() {
        WebArchive war = Deployments.withLibraries(Deployments.war(DeploymentsTest.class, BeanDiscovery.ALL),
                "dev.junction:junction-jaxrs");

        List<String> libraries = war.getContent(path -> path.get().startsWith("/WEB-INF/lib/")).keySet().stream()
                .map(path -> path.get().substring("/WEB-INF/lib/".length())).toList();

        assertThat(libraries).anyMatch(jar -> jar.startsWith("junction-api"))
                .anyMatch(jar -> jar.startsWith("junction-impl")).anyMatch(jar -> jar.startsWith("junction-cdi"))
                .anyMatch(jar -> jar.startsWith("junction-jaxrs")).anyMatch(jar -> jar.startsWith("assertj-core"))
                .anyMatch(jar -> jar.startsWith("awaitility"));
        assertThat(libraries).as("what WildFly and Payara ship: Jakarta EL and Expressly, Concurrency, Transactions,"
                        + " JSON-B and Yasson, CDI")
                .noneMatch(jar -> jar.startsWith("jakarta.el-api") || jar.startsWith("expressly")
                        || jar.startsWith("jakarta.enterprise.concurrent") || jar.startsWith("jakarta.transaction")
                        || jar.startsWith("jakarta.json") || jar.startsWith("yasson")
                        || jar.startsWith("jakarta.enterprise.cdi") || jar.startsWith("jakarta.inject")
                        || jar.startsWith("jakarta.ws.rs"));
        assertThat(libraries).doesNotHaveDuplicates();
    }
}

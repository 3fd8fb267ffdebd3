package dev.junction.tcp.adapter.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scenarios on a managed WildFly (-Pwildfly) with the adapter packaged inside the application, as a user builds
 * it: {@code app.ear} holds the built RAR unchanged and the shout WAR ({@link Applications#ear}); nothing is deployed
 * on its own but the probe. The embedded adapter's connection definition is added by {@code wildfly-ear-deploy.cli}
 * (test resources, quoted by the guide) before the EAR is deployed, under the name WildFly gives the adapter, {@code
 * app.ear#junction-tcp-adapter.rar}; undeploying the EAR ends the adapter, and {@code wildfly-ear-undeploy.cli}
 * removes the definition.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyEarDeploymentTest extends ResourceAdapterScenarios {

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "app", managed = false, testable = false)
    static Archive<?> application() {
        return Applications.ear(PORT, "java:/eis/junction/tcp/orders");
    }

    @Deployment(name = "probe", testable = false)
    static Archive<?> probe() {
        return Applications.probe();
    }

    @Override
    void deployApplication() throws Exception {
        Path properties = Files.createTempFile(Path.of(System.getProperty("it.target")), "junction-tcp-ear",
                ".properties");
        Files.writeString(properties, "tcp.host=127.0.0.1\ntcp.port=" + PORT + "\n");
        WildFlyDeploymentTest.cli("--resolve-parameter-values", "--file=" + cliFile("wildfly-ear-deploy.cli"),
                "--properties=" + properties);
        deployer.deploy("app");
    }

    @Override
    void undeployApplication() {
        deployer.undeploy("app");
        WildFlyDeploymentTest.cli("--file=" + cliFile("wildfly-ear-undeploy.cli"));
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.http.port") + "/");
    }

    /** @return the CLI file of the test resources' {@code ear} folder */
    private static Path cliFile(String name) {
        try {
            return Path.of(WildFlyEarDeploymentTest.class.getResource("/ear/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

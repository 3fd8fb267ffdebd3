package dev.junction.tcp.adapter.it;

import dev.junction.tcp.adapter.it.support.Command;
import dev.junction.tcp.adapter.it.support.Operator;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios on a managed WildFly (-Pwildfly): Arquillian starts the server and deploys the WAR and the probe;
 * the adapter and its connection definition come from the operator's {@code wildfly-deploy.cli}, run by the
 * distribution's {@code jboss-cli.sh}, and go with {@code wildfly-undeploy.cli}.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyDeploymentTest extends ResourceAdapterScenarios {

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "app", managed = false, testable = false)
    static Archive<?> application() {
        return Applications.shout(PORT, "java:/eis/junction/tcp/orders");
    }

    @Deployment(name = "probe", testable = false)
    static Archive<?> probe() {
        return Applications.probe();
    }

    @Override
    void deployApplication() throws Exception {
        Path properties = Files.createTempFile(Path.of(System.getProperty("it.target")), "junction-tcp", ".properties");
        Files.writeString(properties, "rar.file=" + Operator.rar() + "\ntcp.host=127.0.0.1\ntcp.port=" + PORT + "\n");
        cli("--resolve-parameter-values", "--file=" + Operator.file("wildfly-deploy.cli"),
                "--properties=" + properties);
        deployer.deploy("app");
    }

    @Override
    void undeployApplication() {
        deployer.undeploy("app");
        cli("--file=" + Operator.file("wildfly-undeploy.cli"));
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.http.port") + "/");
    }

    /** Runs the distribution's jboss-cli.sh against the managed server's management port. */
    static void cli(String... arguments) {
        // through sh: the unpacked script may have lost its execute bit
        List<String> command = new ArrayList<>(List.of("sh",
                Path.of(System.getProperty("wildfly.home"), "bin", "jboss-cli.sh").toString(),
                "--controller=remote+http://127.0.0.1:" + System.getProperty("wildfly.management.port"),
                "--connect"));
        command.addAll(List.of(arguments));
        Command.run(command);
    }
}

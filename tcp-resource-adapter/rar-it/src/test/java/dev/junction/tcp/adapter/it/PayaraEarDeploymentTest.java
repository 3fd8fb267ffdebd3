package dev.junction.tcp.adapter.it;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;

/**
 * The scenarios on Payara Server (-Ppayara) with the adapter packaged inside the application: {@code app.ear} holds
 * the built RAR unchanged and the shout WAR, which defines its connection definition on the embedded adapter in its
 * {@code web.xml} ({@link Applications#payaraEar}); nothing is configured with asadmin but the deployment itself, and
 * undeploying the EAR ends the adapter. The domain is {@link PayaraDeploymentTest}'s, made anew for this class.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class PayaraEarDeploymentTest extends PayaraDeploymentTest {

    @Override
    void deployApplication() {
        EnterpriseArchive ear = Applications.payaraEar(PORT);
        Path file = Path.of(System.getProperty("it.target"), ear.getName());
        ear.as(ZipExporter.class).exportTo(file.toFile(), true);
        remote("deploy", "--name", "app", file.toString());
    }

    @Override
    void undeployApplication() {
        remote("undeploy", "app");
    }
}

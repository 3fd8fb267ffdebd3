package dev.junction.tcp.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.tcp.adapter.it.app.RelayServlet;
import dev.junction.tcp.adapter.it.app.ShoutEndpoint;
import dev.junction.tcp.adapter.it.app.Shouter;
import dev.junction.tcp.adapter.it.probe.ThreadProbeServlet;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The built RAR, in an EAR with a WAR, deployed to a real server: TCP requests from this test over 127.0.0.1 are
 * answered by the WAR's CDI bean through a message-driven bean; the WAR's servlet talks to the same endpoint through
 * the adapter's outbound connection definition, looked up by JNDI; undeploying closes every connection and leaves no
 * thread running Junction code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceAdapterDeploymentTest {

    /** The inbound endpoint's port: chosen free when the deployment is built, written into its descriptors. */
    private static final int PORT = freePort();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "app", managed = false, testable = false)
    static Archive<?> application() {
        ResourceAdapterArchive rar = ShrinkWrap.create(ZipImporter.class, "junction-tcp-adapter.rar")
                .importFrom(new File(System.getProperty("junction.rar"))).as(ResourceAdapterArchive.class);
        rar.addAsManifestResource(new StringAsset(ironJacamar()), "ironjacamar.xml");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shout.war")
                .addClasses(Shouter.class, ShoutEndpoint.class, RelayServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(ejbJar()), "ejb-jar.xml")
                .addAsWebInfResource(new StringAsset(jbossEjb3()), "jboss-ejb3.xml");
        return ShrinkWrap.create(EnterpriseArchive.class, "app.ear").addAsModule(rar).addAsModule(war);
    }

    @Deployment(name = "probe", testable = false)
    static Archive<?> probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClass(ThreadProbeServlet.class);
    }

    @Test
    @Order(1)
    void theWarsBeanAnswersTcpRequests() throws Exception {
        deployer.deploy("app");
        try (LineClient client = new LineClient(PORT)) {
            assertThat(client.exchange("hello")).isEqualTo("HELLO");
            assertThat(client.exchange("again")).isEqualTo("AGAIN");
        }
    }

    @Test
    @Order(2)
    void theWarTalksTcpThroughTheConnectionDefinition(@ArquillianResource @OperateOnDeployment("probe") URL probe)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get(probe, "../shout/relay?text=relayed" + i)).isEqualTo("RELAYED" + i);
        }
    }

    @Test
    @Order(3)
    void undeployingClosesEveryConnectionAndLeavesNoThread(
            @ArquillianResource @OperateOnDeployment("probe") URL probe) throws Exception {
        LineClient client = new LineClient(PORT);
        assertThat(client.exchange("open")).isEqualTo("OPEN");

        deployer.undeploy("app");

        assertThat(client.readLine()).isNull();
        client.close();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), PORT).close())
                .isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(get(probe, "junction-threads")).as("threads running Junction code")
                        .isEmpty());
    }

    private static String get(URL base, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String ironJacamar() {
        return """
                <ironjacamar xmlns="http://www.ironjacamar.org/doc/schema">
                  <transaction-support>NoTransaction</transaction-support>
                  <connection-definitions>
                    <connection-definition class-name="dev.junction.tcp.adapter.TcpManagedConnectionFactory"
                                           jndi-name="java:/eis/junction/shout" pool-name="junction-shout">
                      <config-property name="host">127.0.0.1</config-property>
                      <config-property name="port">%d</config-property>
                    </connection-definition>
                  </connection-definitions>
                </ironjacamar>
                """.formatted(PORT);
    }

    private static String ejbJar() {
        return """
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  <enterprise-beans>
                    <message-driven>
                      <ejb-name>ShoutEndpoint</ejb-name>
                      <activation-config>
                        <activation-config-property>
                          <activation-config-property-name>port</activation-config-property-name>
                          <activation-config-property-value>%d</activation-config-property-value>
                        </activation-config-property>
                        <activation-config-property>
                          <activation-config-property-name>bindAddress</activation-config-property-name>
                          <activation-config-property-value>127.0.0.1</activation-config-property-value>
                        </activation-config-property>
                      </activation-config>
                    </message-driven>
                  </enterprise-beans>
                </ejb-jar>
                """.formatted(PORT);
    }

    private static String jbossEjb3() {
        return """
                <jboss:ejb-jar xmlns:jboss="urn:jboss:domain:ejb3:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:mdb="urn:resource-adapter-binding" version="4.0">
                  <assembly-descriptor>
                    <mdb:resource-adapter-binding>
                      <ejb-name>ShoutEndpoint</ejb-name>
                      <mdb:resource-adapter-name>app.ear#junction-tcp-adapter.rar</mdb:resource-adapter-name>
                    </mdb:resource-adapter-binding>
                  </assembly-descriptor>
                </jboss:ejb-jar>
                """;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line client on plain sockets, as telnet would be. */
    private static final class LineClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;

        LineClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        String exchange(String line) throws IOException {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readLine();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

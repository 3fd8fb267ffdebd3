package dev.junction.tcp.adapter.it;

import dev.junction.tcp.adapter.it.app.RelayServlet;
import dev.junction.tcp.adapter.it.app.ShoutEndpoint;
import dev.junction.tcp.adapter.it.app.Shouter;
import dev.junction.tcp.adapter.it.probe.ThreadProbeServlet;
import dev.junction.tcp.adapter.it.support.Operator;
import dev.junction.cdi.JunctionExtension;
import dev.junction.tcp.adapter.it.quotes.QuoteServlet;
import dev.junction.tcp.adapter.quotes.QuoteClient;
import dev.junction.tcp.adapter.quotes.Quotes;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/**
 * The deployments, the same WAR on every server: the adapter is deployed on its own (by the operator files), so the
 * WAR names it in each server's descriptor, which the other server ignores; and once the same application in an EAR
 * with the adapter inside ({@link #ear}).
 */
final class Applications {

    /** The adapter's deployment name on WildFly (its archive's name) and on Payara (the name asadmin gives it). */
    static final String WILDFLY_ADAPTER = "junction-tcp-adapter.rar";
    static final String PAYARA_ADAPTER = "junction-tcp-adapter";

    /** The adapter's archive inside {@link #ear}, and the name WildFly gives it: the EAR's, {@code #}, the RAR's. */
    static final String EAR_ADAPTER_RAR = "junction-tcp-adapter.rar";
    static final String WILDFLY_EAR_ADAPTER = "app.ear#" + EAR_ADAPTER_RAR;
    /** Payara's name of the adapter inside {@link #payaraEar}: the application's, {@code #}, the RAR's module name. */
    static final String PAYARA_EAR_ADAPTER = "app#junction-tcp-adapter";

    private Applications() {
    }

    /**
     * @param port               the inbound endpoint's port
     * @param connectionFactory  the server's JNDI name of the operator's connection definition
     * @return {@code shout.war}: the message-driven bean on {@code port}, answered by a CDI bean, and the servlet
     *         that relays {@code /relay?text=} through the connection definition
     */
    static WebArchive shout(int port, String connectionFactory) {
        return shoutClasses(port, connectionFactory, WILDFLY_ADAPTER)
                .addAsWebInfResource(new StringAsset(jbossDeploymentStructure()), "jboss-deployment-structure.xml")
                .addAsWebInfResource(new StringAsset(glassfishEjbJar(PAYARA_ADAPTER)), "glassfish-ejb-jar.xml");
    }

    /**
     * The application as a user packages it with the adapter inside, for WildFly: the built RAR unchanged (it
     * carries junction-api, -impl and -tcp), and the shout WAR with the application's classes only; {@code lib/}
     * holds nothing, since the application shares the RAR's classes, which Jakarta EE makes visible to every module
     * of the EAR (a second copy of them in {@code lib/} or the WAR would not be the adapter's classes).
     *
     * @param port              the inbound endpoint's port
     * @param connectionFactory the server's JNDI name of the connection definition made for the embedded adapter
     * @return {@code app.ear}: {@value #EAR_ADAPTER_RAR} and {@code shout.war}, its message-driven bean bound to
     *         {@value #WILDFLY_EAR_ADAPTER}
     */
    static EnterpriseArchive ear(int port, String connectionFactory) {
        return earOf(shoutClasses(port, connectionFactory, WILDFLY_EAR_ADAPTER));
    }

    /**
     * The same EAR for Payara Server, where the application also defines the connection definition itself: the
     * WAR's {@code web.xml} declares it on the embedded adapter ({@code #junction-tcp-adapter}, the standard name
     * of an adapter in the same application) and binds the servlet's reference to it; the message-driven bean names
     * the embedded adapter {@value #PAYARA_EAR_ADAPTER} in {@code glassfish-ejb-jar.xml}.
     *
     * @param port the inbound endpoint's port, also the connection definition's
     * @return {@code app.ear}, deployed as {@code app}
     */
    static EnterpriseArchive payaraEar(int port) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shout.war")
                .addClasses(Shouter.class, ShoutEndpoint.class, RelayServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(ejbJar(port)), "ejb-jar.xml")
                .addAsWebInfResource(new StringAsset(webXmlDefiningConnections(port)), "web.xml")
                .addAsWebInfResource(new StringAsset(glassfishEjbJar(PAYARA_EAR_ADAPTER)), "glassfish-ejb-jar.xml");
        return earOf(war);
    }

    /** @return {@code app.ear}: the built RAR unchanged and the WAR, nothing in {@code lib/} */
    private static EnterpriseArchive earOf(WebArchive war) {
        ResourceAdapterArchive rar = ShrinkWrap.create(ZipImporter.class, EAR_ADAPTER_RAR)
                .importFrom(Operator.rar().toFile()).as(ResourceAdapterArchive.class);
        return ShrinkWrap.create(EnterpriseArchive.class, "app.ear")
                .addAsModule(rar)
                .addAsModule(war)
                .setApplicationXML(new StringAsset(applicationXml()));
    }

    /** The connection definition declared by the application on its embedded adapter, and the reference to it. */
    private static String webXmlDefiningConnections(int port) {
        return """
                <!-- tag::connection-factory[] -->
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <connection-factory>
                    <name>java:app/eis/orders</name>
                    <interface-name>dev.junction.tcp.adapter.TcpClientConnectionFactory</interface-name>
                    <resource-adapter>#junction-tcp-adapter</resource-adapter>
                    <max-pool-size>20</max-pool-size>
                    <transaction-support>NoTransaction</transaction-support>
                    <property><name>host</name><value>127.0.0.1</value></property>
                    <property><name>port</name><value>%d</value></property>
                    <property><name>serializer</name><value>crlf</value></property>
                    <property><name>replyTimeout</name><value>5000</value></property>
                  </connection-factory>
                  <resource-ref>
                    <res-ref-name>eis/orders</res-ref-name>
                    <res-type>dev.junction.tcp.adapter.TcpClientConnectionFactory</res-type>
                    <lookup-name>java:app/eis/orders</lookup-name>
                  </resource-ref>
                </web-app>
                <!-- end::connection-factory[] -->
                """.formatted(port);
    }

    /** The shout application's classes and standard descriptors, its bean bound to the WildFly adapter named. */
    private static WebArchive shoutClasses(int port, String connectionFactory, String wildFlyAdapter) {
        return ShrinkWrap.create(WebArchive.class, "shout.war")
                .addClasses(Shouter.class, ShoutEndpoint.class, RelayServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(ejbJar(port)), "ejb-jar.xml")
                .addAsWebInfResource(new StringAsset(webXml(connectionFactory)), "web.xml")
                .addAsWebInfResource(new StringAsset(jbossEjb3(wildFlyAdapter)), "jboss-ejb3.xml");
    }

    /** The EAR's modules: the adapter (a connector module) and the WAR at {@code /shout}. */
    private static String applicationXml() {
        return """
                <!-- tag::application-xml[] -->
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <module>
                    <connector>junction-tcp-adapter.rar</connector>
                  </module>
                  <module>
                    <web>
                      <web-uri>shout.war</web-uri>
                      <context-root>shout</context-root>
                    </web>
                  </module>
                </application>
                <!-- end::application-xml[] -->
                """;
    }

    /**
     * @return {@code quotes.war}: the adapter's example application ({@link QuoteClient}, declaring its TCP gateway on
     *         its {@code @ConnectionFactoryDefinition}, and {@link Quotes}) unchanged, a servlet to call it, and of
     *         Junction only the CDI extension: junction-api, -impl and -tcp are the deployed RAR's, so that the
     *         gateway and the adapter's connection factory share their classes; and a resource reference to the
     *         operator's connection definition, by which Payara lets the WAR see the adapter's classes (without it,
     *         Payara failed to instantiate Junction's CDI extension)
     * @param connectionFactory the server's JNDI name of the operator's connection definition
     */
    static WebArchive quotes(String connectionFactory) {
        return ShrinkWrap.create(WebArchive.class, "quotes.war")
                .addClasses(QuoteClient.class, Quotes.class, QuoteServlet.class)
                .addAsWebInfResource(new StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                                + " bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addAsWebInfResource(new StringAsset(webXml(connectionFactory)), "web.xml")
                .addAsWebInfResource(new StringAsset(jbossDeploymentStructure()), "jboss-deployment-structure.xml")
                .addAsLibrary(jarOf(JunctionExtension.class, "junction-cdi.jar"));
    }

    /** @return the jar (or, in an IDE, the classes folder) the class was loaded from */
    private static JavaArchive jarOf(Class<?> type, String name) {
        File location;
        try {
            location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return location.isDirectory()
                ? ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class)
                : ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
    }

    /** @return {@code probe.war}, kept deployed after the application to list the threads running Junction code */
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war").addClass(ThreadProbeServlet.class);
    }

    /** The endpoint's port and address, in the standard descriptor. */
    private static String ejbJar(int port) {
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
                """.formatted(port);
    }

    /** Binds the servlet's resource reference to the server's name of the connection definition. */
    private static String webXml(String connectionFactory) {
        return """
                <!-- tag::web-xml[] -->
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <resource-ref>
                    <res-ref-name>eis/orders</res-ref-name>
                    <res-type>dev.junction.tcp.adapter.TcpClientConnectionFactory</res-type>
                    <lookup-name>%s</lookup-name>
                  </resource-ref>
                </web-app>
                <!-- end::web-xml[] -->
                """.formatted(connectionFactory);
    }

    /** WildFly: which adapter activates the message-driven bean. */
    private static String jbossEjb3(String adapter) {
        return """
                <jboss:ejb-jar xmlns:jboss="urn:jboss:domain:ejb3:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:mdb="urn:resource-adapter-binding" version="4.0">
                  <assembly-descriptor>
                    <mdb:resource-adapter-binding>
                      <ejb-name>ShoutEndpoint</ejb-name>
                      <mdb:resource-adapter-name>%s</mdb:resource-adapter-name>
                    </mdb:resource-adapter-binding>
                  </assembly-descriptor>
                </jboss:ejb-jar>
                """.formatted(adapter);
    }

    /** WildFly: the adapter's classes for a WAR deployed beside it rather than in its EAR. */
    private static String jbossDeploymentStructure() {
        return """
                <jboss-deployment-structure>
                  <deployment>
                    <dependencies>
                      <module name="deployment.%s"/>
                    </dependencies>
                  </deployment>
                </jboss-deployment-structure>
                """.formatted(WILDFLY_ADAPTER);
    }

    /** Payara: which adapter activates the message-driven bean. */
    private static String glassfishEjbJar(String adapter) {
        return """
                <glassfish-ejb-jar>
                  <enterprise-beans>
                    <ejb>
                      <ejb-name>ShoutEndpoint</ejb-name>
                      <mdb-resource-adapter>
                        <resource-adapter-mid>%s</resource-adapter-mid>
                      </mdb-resource-adapter>
                    </ejb>
                  </enterprise-beans>
                </glassfish-ejb-jar>
                """.formatted(adapter);
    }
}

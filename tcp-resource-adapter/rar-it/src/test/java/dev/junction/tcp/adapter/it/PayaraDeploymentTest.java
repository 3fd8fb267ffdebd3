package dev.junction.tcp.adapter.it;

import dev.junction.tcp.adapter.it.support.Command;
import dev.junction.tcp.adapter.it.support.Operator;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The scenarios on Payara Server (-Ppayara), driven as an operator drives it, with the distribution's
 * {@code asadmin}: a new domain on free ports, the adapter and its connection definition from the operator's
 * {@code payara-deploy.asadmin} (its placeholders replaced, as envsubst would), the WAR deployed on its own, all of it
 * removed by {@code payara-undeploy.asadmin}. Payara Micro cannot take this test's third part: it undeploys by
 * stopping its JVM, so no thread of it is left to look at.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class PayaraDeploymentTest extends ResourceAdapterScenarios {

    /** Offsets from the domain's port base of every port it listens on (as asadmin create-domain reports them). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;
    private static final String DOMAIN = "junction";

    private static Path domains;
    private static int portBase;

    @BeforeAll
    static void startDomain() throws IOException {
        domains = Path.of(System.getProperty("it.target"), "payara-domains");
        deleteTree(domains);
        portBase = freePortBase();
        asadmin("--interactive=false", "create-domain", "--domaindir", domains.toString(), "--portbase",
                String.valueOf(portBase), "--nopassword=true", DOMAIN);
        asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
        deploy(Applications.probe(), "probe");
    }

    @AfterAll
    static void stopDomain() {
        if (domains != null && Files.isDirectory(domains.resolve(DOMAIN))) {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
    }

    @Override
    void deployApplication() {
        Path commands = Operator.substituted("payara-deploy.asadmin", Map.of("JUNCTION_RAR", Operator.rar().toString(),
                "TCP_HOST", "127.0.0.1", "TCP_PORT", String.valueOf(PORT)));
        remote("multimode", "--file", commands.toString());
        deploy(Applications.shout(PORT, "eis/junction/tcp/orders"), "shout");
    }

    @Override
    void undeployApplication() {
        remote("undeploy", "shout");
        remote("multimode", "--file", Operator.file("payara-undeploy.asadmin").toString());
    }

    @Override
    URI http() {
        return httpRoot();
    }

    /** @return the domain's HTTP root, on 127.0.0.1 */
    static URI httpRoot() {
        return URI.create("http://127.0.0.1:" + (portBase + HTTP_OFFSET) + "/");
    }

    static void deploy(WebArchive war, String name) {
        Path file = Path.of(System.getProperty("it.target"), war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        remote("deploy", "--name", name, "--contextroot", name, file.toString());
    }

    /** A command to the running domain, through its admin port on loopback. */
    static void remote(String... arguments) {
        List<String> command = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
                String.valueOf(portBase + ADMIN_OFFSET)));
        command.addAll(List.of(arguments));
        asadmin(command.toArray(String[]::new));
    }

    private static void asadmin(String... arguments) {
        List<String> command = new ArrayList<>();
        // through sh: the unpacked script may have lost its execute bit
        command.add("sh");
        command.add(Path.of(System.getProperty("payara.home"), "bin", "asadmin").toString());
        command.addAll(List.of(arguments));
        Command.run(command);
    }

    /** @return a port base under which every port of the domain is free now, so that two builds never collide */
    private static int freePortBase() {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 10_000 + 100 * random.nextInt(500);
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= bindable(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No port base with every Payara port free was found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

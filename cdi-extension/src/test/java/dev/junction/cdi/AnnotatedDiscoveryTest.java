package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bean archive with an empty {@code beans.xml} ({@code annotated} discovery, the CDI 4 default), scanned
 * by Weld SE with discovery on: the stereotype makes the gateway interface visible to the extension, which is
 * registered through {@code META-INF/services}.
 */
class AnnotatedDiscoveryTest {

    @MessagingGateway(defaultRequestChannel = "upper")
    public interface Shouter {
        String shout(String text);
    }

    @ApplicationScoped
    public static class Upper {
        @ServiceActivator(inputChannel = "upper")
        public String upper(String text) {
            return text.toUpperCase();
        }
    }

    /** No bean-defining annotation: not a bean in an annotated archive. */
    public static class NotABean {
    }

    @Test
    void gatewayInterfaceIsDiscoveredThroughTheStereotype(@TempDir Path archive) throws IOException {
        Files.createDirectories(archive.resolve("META-INF"));
        Files.writeString(archive.resolve("META-INF/beans.xml"), ""); // empty: bean-discovery-mode="annotated"
        for (Class<?> type : new Class<?>[] {Shouter.class, Upper.class, NotABean.class}) {
            copyClassFile(type, archive);
        }
        // parent-first: the classes are the test's own, but Weld finds them through the archive's beans.xml
        try (URLClassLoader loader = new URLClassLoader(new URL[] {archive.toUri().toURL()},
                getClass().getClassLoader())) {
            WeldContainer container = new Weld("annotated-discovery").setClassLoader(loader).initialize();
            try {
                assertThat(container.getBeanManager().getBeans(NotABean.class)).as("annotated mode").isEmpty();
                assertThat(container.getBeanManager().getBeans(Upper.class)).hasSize(1);
                assertThat(container.select(Shouter.class).get().shout("hey")).isEqualTo("HEY");
            } finally {
                container.shutdown();
            }
        }
    }

    private static void copyClassFile(Class<?> type, Path archive) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = archive.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}

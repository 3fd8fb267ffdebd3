package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A control bus declared by a {@code Declaration} bean with {@code Flow.controlBus}: it checks roles against the
 * container's Jakarta Security {@code SecurityContext} when the container has one (here a request-scoped bean of that
 * type stands for the server's), and replies to a gateway waiting on a {@code void} operation.
 */
class ControlBusCdiTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders", id = "barista")
        public String brew(String order) {
            return order + " is ready";
        }
    }

    // tag::server[]
    @ApplicationScoped
    public static class Operations implements Declaration {
        @Override
        public void declare(Junction junction) {   // no roleCheck: the container's SecurityContext answers
            junction.flow("controlBus").controlBus(new ControlBusSpec().rolesAllowed("barista", "stop", "operator"));
        }
    }
    // end::server[]

    @MessagingGateway(defaultRequestChannel = "controlBus", defaultReplyTimeout = 30_000)
    public interface Operator {
        @Gateway
        Object execute(String command);
    }

    /** The caller of the current request, as a server's security context would tell. */
    @RequestScoped
    public static class RequestCaller implements SecurityContext {
        private Set<String> roles = Set.of();

        void signIn(String... roles) {
            this.roles = Set.of(roles);
        }

        @Override
        public boolean isCallerInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public Principal getCallerPrincipal() {
            return roles.isEmpty() ? null : () -> "caller";
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                AuthenticationParameters parameters) {
            throw new UnsupportedOperationException("no authentication in this test");
        }
    }

    private void inRequest(Runnable work) {
        RequestContextController request = container.select(RequestContextController.class).get();
        request.activate();
        try {
            work.run();
        } finally {
            request.deactivate();
        }
    }

    private WeldContainer start(String id, Class<?>... beans) {
        return new Weld(id).disableDiscovery().addExtension(new JunctionExtension()).addBeanClasses(beans)
                .initialize();
    }

    @Test
    void rolesAreCheckedAgainstTheContainersSecurityContext() {
        container = start("control-bus-security", Barista.class, Operations.class, Operator.class,
                RequestCaller.class);
        Junction junction = container.select(Junction.class).get();
        Operator operator = container.select(Operator.class).get();

        inRequest(() -> {
            container.select(RequestCaller.class).get().signIn("guest");
            assertThatThrownBy(() -> operator.execute("@barista.stop()")).isInstanceOf(CommandRefusedException.class)
                    .hasMessageStartingWith("JNC-1064").hasMessageContaining("[operator]");
        });
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();

        inRequest(() -> {
            container.select(RequestCaller.class).get().signIn("operator");
            assertThat(operator.execute("@barista.stop()")).as("a void operation replies true").isEqualTo(true);
            assertThat(operator.execute("@barista.isRunning()")).isEqualTo(false);
        });
    }

    @Test
    void withoutASecurityContextOperationsNeedingARoleAreRefusedAsInPlainJava() {
        container = start("control-bus-no-security", Barista.class, Operations.class, Operator.class);
        Junction junction = container.select(Junction.class).get();

        assertThatThrownBy(() -> junction.channel("controlBus").send(Message.of("@barista.stop()")))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1064")
                .hasMessageContaining("no role check");
        assertThat(container.select(Operator.class).get().execute("@orders.sendCount()"))
                .as("a channel's statistics need no role").isEqualTo(0L);
    }
}

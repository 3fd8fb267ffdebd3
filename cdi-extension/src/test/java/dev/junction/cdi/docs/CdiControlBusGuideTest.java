package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CDI snippets of docs/control-bus.adoc: a control bus declared by a bean, secured per operation, on Weld. */
class CdiControlBusGuideTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @Named("barista")
    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders", id = "barista")
        public String brew(String order) {
            return order + " is ready";
        }
    }

    // tag::caller[]
    /** Who sends the current request: a stand-in for the container's security context. */
    @RequestScoped
    public static class Caller {
        private Set<String> roles = Set.of();

        public void signIn(String... roles) {
            this.roles = Set.of(roles);
        }

        public boolean isInRole(String role) {
            return roles.contains(role);
        }
    }
    // end::caller[]

    // tag::declaration[]
    @ApplicationScoped
    public static class Operations implements Declaration {
        @Inject
        Caller caller;   // a proxy: each command asks the caller of its own request

        @Override
        public void declare(Junction junction) {
            junction.flow("controlBus").controlBus(new ControlBusSpec()
                    .roleCheck(caller::isInRole)                     // in a server: the container's, by default
                    .rolesAllowed("barista", "stop", "operator"));   // endpoints' operations need no role else
        }
    }
    // end::declaration[]

    private void inRequest(Runnable work) {
        RequestContextController request = container.select(RequestContextController.class).get();
        request.activate();
        try {
            work.run();
        } finally {
            request.deactivate();
        }
    }

    @Test
    void onlyAnOperatorStopsTheBarista() {
        container = CdiGuideTest.start("control-bus", Barista.class, Caller.class, Operations.class);
        Junction junction = container.select(Junction.class).get();

        inRequest(() -> {
            container.select(Caller.class).get().signIn("guest");
            assertThatThrownBy(() -> junction.channel("controlBus").send(Message.of("@barista.stop()")))
                    .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1064");
        });
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();

        inRequest(() -> {
            container.select(Caller.class).get().signIn("operator");
            junction.channel("controlBus").send(Message.of("@barista.stop()"));
        });
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isFalse();
    }

    @Test
    void aNamedBeanIsNoManagedComponent() {
        container = CdiGuideTest.start("control-bus-beans", Barista.class, Caller.class, Operations.class);
        Junction junction = container.select(Junction.class).get();

        // "barista" is both an endpoint id and a @Named bean: the endpoint is meant, never the bean's brew()
        inRequest(() -> assertThatThrownBy(() -> junction.channel("controlBus")
                .send(Message.of("@barista.brew('latte')")))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1062"));
        inRequest(() -> assertThatThrownBy(() -> junction.channel("controlBus")
                .send(Message.of("@caller.signIn('operator')")))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1061"));
    }
}

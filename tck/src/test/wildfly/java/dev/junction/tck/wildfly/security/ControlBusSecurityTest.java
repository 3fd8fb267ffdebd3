package dev.junction.tck.wildfly.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On WildFly, a control bus declared without a role check of its own checks the roles of the real caller: the
 * container's, through the enterprise bean that sends the command. An operation needing the role {@code operator} is
 * refused for an anonymous caller and executed for a bean running as {@code operator} ({@code @RunAs}), with
 * WildFly's default security configuration (its {@code other} domain; no users needed).
 */
@ExtendWith(ArquillianExtension.class)
class ControlBusSecurityTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(ControlBusSecurityTest.class, BeanDiscovery.ANNOTATED, Commands.class,
                OperatorDesk.class);
    }

    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders", id = "barista")
        public String brew(String drink) {
            return drink + " is ready";
        }
    }

    @ApplicationScoped
    public static class SecuredControlBus implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("controlBus").controlBus(new ControlBusSpec().rolesAllowed("barista", "stop", "operator"));
        }
    }

    @EJB
    Commands commands;

    @EJB
    OperatorDesk operatorDesk;

    @Inject
    Junction junction;

    @Test
    void anAnonymousCallerIsRefusedAndTheOperatorStopsTheEndpoint() {
        assertThatThrownBy(() -> commands.send("@barista.stop()"))
                .satisfies(failure -> assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause)
                        .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1064")
                        .hasMessageContaining("none of the roles [operator]")));
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();

        operatorDesk.send("@barista.stop()");
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isFalse();
        operatorDesk.send("@barista.start()");
    }

    /** An application exception of an enterprise bean arrives as it is, a system exception wrapped. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        assertThat(chain.get(0)).isInstanceOfAny(CommandRefusedException.class, EJBException.class);
        return chain;
    }
}

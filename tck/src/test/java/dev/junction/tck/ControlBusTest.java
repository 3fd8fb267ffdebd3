package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A control bus declared by a {@code Declaration} bean: a command stops an endpoint and another starts it again,
 * each replying to the gateway that waits; a method not marked as a managed operation, and a bean that is no
 * managed component, are refused with their codes and nothing is invoked.
 */
@ExtendWith(ArquillianExtension.class)
class ControlBusTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(ControlBusTest.class, BeanDiscovery.ANNOTATED);
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Operations {
        @Gateway(requestChannel = "controlBus")
        Object execute(String command);

        @Gateway(requestChannel = "orders")
        String order(String drink);
    }

    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders", id = "barista")
        public String brew(String drink) {
            return drink + " is ready";
        }
    }

    @ApplicationScoped
    public static class ControlBusDeclaration implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("controlBus").controlBus(new ControlBusSpec());
        }
    }

    @Inject
    Operations operations;

    @Inject
    Junction junction;

    @Test
    void stopsAndStartsAnEndpoint() {
        assertThat(operations.order("latte")).isEqualTo("latte is ready");

        assertThat(operations.execute("@barista.stop()")).isEqualTo(true);
        assertThat(operations.execute("@barista.isRunning()")).isEqualTo(false);
        assertThatThrownBy(() -> operations.order("mocha")).isInstanceOf(MessageDeliveryException.class);

        assertThat(operations.execute("@barista.start()")).isEqualTo(true);
        assertThat(operations.order("mocha")).isEqualTo("mocha is ready");
    }

    @Test
    void refusesAnOperationThatIsNotManaged() {
        assertThatThrownBy(() -> operations.execute("@barista.getClass()"))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1062");
        assertThatThrownBy(() -> operations.execute("@controlBusDeclaration.declare(null)"))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1061");
        assertThat(junction.endpoint("barista").orElseThrow().isRunning()).isTrue();
    }

    @Test
    void readsAChannelsStatistics() {
        operations.execute("@orders.enableStatistics()");
        operations.order("flat white");
        operations.order("cortado");

        assertThat(operations.execute("@orders.sendCount()")).isEqualTo(2L);
        assertThat(operations.execute("@orders.sendErrorCount()")).isEqualTo(0L);
        operations.execute("@orders.resetStatistics()");
        operations.execute("@orders.disableStatistics()");
    }
}

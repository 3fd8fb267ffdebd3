package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/cdi.adoc about declarations (flows and other modules' endpoints declared in code by beans)
 * and the events of modules built on the runtime, run in Weld SE.
 */
class CdiDeclarationsGuideTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        String placeOrder(String order);
    }

    // tag::declaration-bean[]
    @ApplicationScoped
    public static class OrderFlows implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("orders").transform("payload.toUpperCase()").channel("kitchen");
        }
    }
    // end::declaration-bean[]

    // tag::declaration-producer[]
    @Dependent
    public static class KitchenFlows {
        @Produces
        Declaration kitchen(Kitchen kitchen) { // a producer's parameters are injected
            return junction -> junction.flow("kitchen").handle(kitchen::cook);
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        public String cook(String order) {
            return order + " is ready";
        }
    }
    // end::declaration-producer[]

    @Test
    void beansAndProducersOfDeclarationsDeclareFlowsThatStartWithTheApplication() {
        container = CdiGuideTest.start("declarations", Cafe.class, OrderFlows.class, KitchenFlows.class,
                Kitchen.class);
        assertThat(container.select(Cafe.class).get().placeOrder("latte")).isEqualTo("LATTE is ready");
    }

    // tag::events[]
    @ApplicationScoped
    public static class ConnectionLog {
        private final List<Opened> opened = new CopyOnWriteArrayList<>();

        void onOpened(@Observes Opened event) { // any type a module publishes, TCP's connection events for one
            opened.add(event);
        }

        public List<Opened> opened() {
            return opened;
        }
    }
    // end::events[]

    public record Opened(String connectionId) {
    }

    @ApplicationScoped
    public static class Publisher {
        @Inject
        Junction junction;

        void open(String id) { // what a module built on the runtime does
            ((JunctionRuntime) junction).publishEvent(new Opened(id));
        }
    }

    @Test
    void eventsModulesPublishOnTheRuntimeAreCdiEvents() {
        container = CdiGuideTest.start("events", ConnectionLog.class, Publisher.class);
        container.select(Publisher.class).get().open("conn-1");
        assertThat(container.select(ConnectionLog.class).get().opened()).containsExactly(new Opened("conn-1"));
    }

    @ApplicationScoped
    public static class Broken implements Declaration {
        @Override
        public void declare(Junction junction) {
            throw new IllegalArgumentException("no kitchen today");
        }
    }

    @ApplicationScoped
    public static class BadFlow implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("a").handle(payload -> payload).id("twice");
            junction.flow("b").handle(payload -> payload).id("twice");
        }
    }

    @ApplicationScoped
    public static class Echo {
        @ServiceActivator(inputChannel = "echo", id = "echo")
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void aDeclarationThatThrowsAndAFlowThatCannotBeBuiltFailTheDeploymentTogether() {
        assertThatThrownBy(() -> CdiGuideTest.start("broken", Broken.class, BadFlow.class, Echo.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("JNC-0525 The Declaration bean")
                .hasMessageContaining(Broken.class.getSimpleName())
                .hasMessageContaining("no kitchen today")
                .hasMessageContaining("JNC-0526")
                .hasMessageContaining("twice");
    }
}

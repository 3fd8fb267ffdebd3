package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CDI snippets of docs/delayer.adoc: a delayer declared by a {@code Declaration} bean, run in Weld SE. */
class CdiDelayerGuideTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 30_000)
    public interface Cafe {
        String placeOrder(String order);
    }

    @ApplicationScoped
    public static class Kitchen {
        public String cook(String order) {
            return order + " is ready";
        }
    }

    /** The store the application produces; a JDBC store's {@code messageGroupStore()} in production. */
    @ApplicationScoped
    public static class Stores {
        @Produces
        @ApplicationScoped
        MessageGroupStore delayedOrders() {
            return new InMemoryMessageGroupStore();
        }
    }

    // tag::declaration[]
    @ApplicationScoped
    public static class CoolingFlow implements Declaration {
        @Inject
        MessageGroupStore store;
        @Inject
        Kitchen kitchen;

        @Override
        public void declare(Junction junction) {
            junction.flow("orders")
                    .delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(300)).messageStore(store))
                    .id("cooling")
                    .handle(kitchen, "cook");
        }
    }
    // end::declaration[]

    @Test
    void aDeclarationBeanDeclaresADelayerThatStartsWithTheApplication() {
        container = CdiGuideTest.start("delayer", Cafe.class, Kitchen.class, Stores.class, CoolingFlow.class);
        Instant ordered = Instant.now();

        String reply = container.select(Cafe.class).get().placeOrder("stew");

        assertThat(reply).isEqualTo("stew is ready");
        assertThat(Duration.between(ordered, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(container.select(MessageGroupStore.class).get().messageGroupSize("cooling")).isZero();
        assertThat(container.select(Junction.class).get().endpoint("cooling.releases").orElseThrow().isRunning())
                .isTrue();
    }

    @ApplicationScoped
    public static class MisconfiguredFlow implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("orders").delay(Duration.ofSeconds(-5)).id("cooling").handle(order -> order);
        }
    }

    @Test
    void aMisconfiguredDelayerFailsTheDeploymentWithItsCode() {
        assertThatThrownBy(() -> CdiGuideTest.start("bad-delayer", MisconfiguredFlow.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("JNC-0526")
                .hasMessageContaining("JNC-0920 Delayer 'cooling': the default delay PT-5S is negative");
    }
}

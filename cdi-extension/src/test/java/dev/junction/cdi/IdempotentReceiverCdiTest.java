package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.MessageKeyStrategy;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.api.store.MetadataStore;
import dev.junction.impl.store.InMemoryMetadataStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * {@code @IdempotentReceiver} on endpoint methods, on Weld: the advice the annotation declares, with named store and
 * strategy beans, outermost around the {@code adviceChain}; and every misplaced or misconfigured annotation failing
 * the deployment with the others.
 */
class IdempotentReceiverCdiTest {

    public record Order(String id, String drink) {
    }

    /** The keys on a JDBC store (a private in-memory H2 database), and a retry. */
    @Dependent
    public static class Stores {
        @Produces
        @ApplicationScoped
        @Named("orderKeys")
        ConcurrentMetadataStore orderKeys() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:idempotent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return JdbcStores.builder(dataSource).build().createSchema().metadataStore();
        }

        @Produces
        @ApplicationScoped
        @Named("byDrink")
        MessageKeyStrategy byDrink() {
            return message -> ((Order) message.getPayload()).drink();
        }

        @Produces
        @ApplicationScoped
        @Named("twice")
        HandlerAdvice twice() {
            return Advices.retry().maxAttempts(2).build();
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        final List<String> prepared = new CopyOnWriteArrayList<>();
        final List<Boolean> marks = new CopyOnWriteArrayList<>();
        final List<String> duplicates = new CopyOnWriteArrayList<>();
        final List<String> tasted = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @IdempotentReceiver(key = "payload.id", store = "orderKeys", discardChannel = "duplicateOrders")
        @ServiceActivator(inputChannel = "orders", adviceChain = "twice")
        public void prepare(Order order) {
            if (order.drink().equals("flaky") && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("the first attempt fails");
            }
            prepared.add(order.id());
        }

        @ServiceActivator(inputChannel = "duplicateOrders")
        public void duplicate(Order order) {
            duplicates.add(order.id());
        }

        @IdempotentReceiver(keyStrategy = "byDrink")
        @Transformer(inputChannel = "tastings", outputChannel = "tasted")
        public String taste(Order order, @Header(value = MessageHeaders.DUPLICATE_MESSAGE, required = false)
                Boolean duplicate) {
            marks.add(duplicate != null && duplicate);
            return order.drink();
        }

        @ServiceActivator(inputChannel = "tasted")
        public void tasted(Message<String> drink) {
            tasted.add(drink.getPayload() + (Boolean.TRUE.equals(drink.getHeaders()
                    .get(MessageHeaders.DUPLICATE_MESSAGE)) ? " (again)" : ""));
        }

        @IdempotentReceiver(key = "payload.id", throwExceptionOnRejection = true, removeKeyOnFailure = true)
        @Filter(inputChannel = "screening", outputChannel = "screened")
        public boolean screen(Order order) {
            if (order.drink().equals("fail") && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("the screen failed");
            }
            return true;
        }

        @ServiceActivator(inputChannel = "screened")
        public void screened(Order order) {
            prepared.add("screened " + order.id());
        }
    }

    @Test
    void theAnnotatedEndpointsHandleEachKeyOnce() {
        try (WeldContainer container = Containers.start("idempotent", Stores.class, Kitchen.class)) {
            Kitchen kitchen = (Kitchen) Containers.unwrap(container.select(Kitchen.class).get()); // its fields
            Junction junction = container.select(Junction.class).get();

            junction.channel("orders").send(Message.of(new Order("1", "flaky"))); // retried inside: no duplicate
            junction.channel("orders").send(Message.of(new Order("1", "latte")));
            junction.channel("orders").send(Message.of(new Order("2", "latte")));
            assertThat(kitchen.prepared).containsExactly("1", "2");
            assertThat(kitchen.duplicates).containsExactly("1");
            ConcurrentMetadataStore keys = container.select(ConcurrentMetadataStore.class,
                    NamedLiteral.of("orderKeys")).get();
            assertThat(keys.get("1")).isNotNull();

            junction.channel("tastings").send(Message.of(new Order("3", "mocha")));
            junction.channel("tastings").send(Message.of(new Order("4", "mocha")));
            assertThat(kitchen.marks).containsExactly(false, true);
            assertThat(kitchen.tasted).containsExactly("mocha", "mocha (again)");

            kitchen.failures.set(0);
            assertThatThrownBy(() -> junction.channel("screening").send(Message.of(new Order("5", "fail"))))
                    .hasRootCauseMessage("the screen failed");
            junction.channel("screening").send(Message.of(new Order("5", "fail"))); // the key was removed
            assertThatThrownBy(() -> junction.channel("screening").send(Message.of(new Order("5", "fail"))))
                    .isInstanceOf(MessageRejectedException.class)
                    .hasMessageContaining("JNC-0944 The idempotent receiver of endpoint 'Kitchen.screen' rejected");
            assertThat(kitchen.prepared).containsExactly("1", "2", "screened 5");
        }
    }

    @Dependent
    public static class WrongBeans {
        @Produces
        @Named("plainMap")
        MetadataStore plainMap() { // not a ConcurrentMetadataStore: putIfAbsent is what makes the receiver safe
            InMemoryMetadataStore store = new InMemoryMetadataStore();
            return new MetadataStore() {
                @Override
                public void put(String key, String value) {
                    store.put(key, value);
                }

                @Override
                public String get(String key) {
                    return store.get(key);
                }

                @Override
                public String remove(String key) {
                    return store.remove(key);
                }
            };
        }
    }

    @ApplicationScoped
    public static class Misconfigured {
        @IdempotentReceiver
        @ServiceActivator(inputChannel = "a")
        public void noKey(String payload) {
        }

        @IdempotentReceiver(key = "payload", keyStrategy = "byDrink")
        @ServiceActivator(inputChannel = "b")
        public void twoKeys(String payload) {
        }

        @IdempotentReceiver(key = "payload", store = "noSuchStore")
        @ServiceActivator(inputChannel = "c")
        public void unknownStore(String payload) {
        }

        @IdempotentReceiver(key = "payload", store = "plainMap")
        @ServiceActivator(inputChannel = "d")
        public void notConcurrent(String payload) {
        }

        @IdempotentReceiver(key = "payload")
        @Router(inputChannel = "e")
        public String route(String payload) {
            return "a";
        }

        @IdempotentReceiver(key = "payload")
        @InboundChannelAdapter(channel = "a")
        @Poller(fixedDelay = 1000)
        public String poll() {
            return null;
        }

        @IdempotentReceiver(key = "payload")
        public void notAnEndpoint(String payload) {
        }
    }

    @Test
    void everyMisconfiguredIdempotentReceiverFailsTheDeployment() {
        String at = Misconfigured.class.getName() + "#";
        assertThatThrownBy(() -> Containers.start("idempotent-invalid", Stores.class, WrongBeans.class,
                Misconfigured.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(ValidationTest.allMessages(failure)).contains(
                        "JNC-0940 The idempotent receiver of endpoint 'Misconfigured.noKey' has no key: give a key"
                                + " expression",
                        "JNC-0941 The idempotent receiver of endpoint 'Misconfigured.twoKeys' has both a key"
                                + " expression ('payload') and a key strategy; keep one of them",
                        "JNC-0947 " + at + "unknownStore: @IdempotentReceiver(store = \"noSuchStore\") names no bean;"
                                + " declare a bean @Named(\"noSuchStore\") of type "
                                + ConcurrentMetadataStore.class.getName(),
                        "JNC-0947 " + at + "notConcurrent: @IdempotentReceiver(store = \"plainMap\") names",
                        "JNC-0946 " + at + "route carries @IdempotentReceiver but is a [@Router] method; an idempotent"
                                + " receiver advises the handling of a @ServiceActivator, @Transformer or @Filter"
                                + " method",
                        "JNC-0946 " + at + "poll carries @IdempotentReceiver but is a [@InboundChannelAdapter]",
                        "JNC-0946 " + at + "notAnEndpoint carries @IdempotentReceiver but is no endpoint method"));
    }
}

package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.impl.store.InMemoryMetadataStore;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Races;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @IdempotentReceiver} on endpoint methods: a named store bean, duplicates to a discard channel or refused with
 * {@code JNC-0944}, and threads sending one key at once: exactly one handles it.
 */
@ExtendWith(ArquillianExtension.class)
class IdempotentReceiverTest {

    private static final int THREADS = 4;
    private static final int KEYS = 50;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(IdempotentReceiverTest.class, BeanDiscovery.ANNOTATED, Races.class);
    }

    @Dependent
    public static class Stores {
        @Produces
        @Named("tckOrderKeys")
        @ApplicationScoped
        ConcurrentMetadataStore orderKeys() {
            return new InMemoryMetadataStore();
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        private final Map<String, AtomicInteger> prepared = new ConcurrentHashMap<>();
        private final List<String> duplicates = new CopyOnWriteArrayList<>();

        @IdempotentReceiver(key = "payload", store = "tckOrderKeys", discardChannel = "tckDuplicates")
        @ServiceActivator(inputChannel = "tckOrders")
        public void prepare(String order) {
            prepared.computeIfAbsent(order, key -> new AtomicInteger()).incrementAndGet();
        }

        @ServiceActivator(inputChannel = "tckDuplicates")
        public void duplicate(String order) {
            duplicates.add(order);
        }

        @IdempotentReceiver(key = "payload", throwExceptionOnRejection = true)
        @ServiceActivator(inputChannel = "tckPayments", id = "tckPayments")
        public void pay(String payment) {
            prepared.computeIfAbsent(payment, key -> new AtomicInteger()).incrementAndGet();
        }

        public Map<String, Integer> prepared() {
            Map<String, Integer> counts = new TreeMap<>();
            prepared.forEach((key, count) -> counts.put(key, count.get()));
            return counts;
        }

        public List<String> duplicates() {
            return List.copyOf(duplicates);
        }
    }

    @Inject
    @Channel("tckOrders")
    MessageChannel orders;

    @Inject
    @Channel("tckPayments")
    MessageChannel payments;

    @Inject
    Kitchen kitchen;

    @Inject
    @Named("tckOrderKeys")
    ConcurrentMetadataStore keys;

    @Test
    void duplicatesGoToTheDiscardChannelOrAreRefused() {
        orders.send(Message.of("latte"));
        orders.send(Message.of("latte"));
        assertThat(kitchen.prepared()).containsEntry("latte", 1);
        assertThat(kitchen.duplicates()).filteredOn("latte"::equals).hasSize(1); // the tests share the deployment
        assertThat(keys.get("latte")).isNotNull();

        payments.send(Message.of("p-1"));
        assertThatThrownBy(() -> payments.send(Message.of("p-1")))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("JNC-0944 The idempotent receiver of endpoint 'tckPayments' rejected");
        assertThat(kitchen.prepared()).containsEntry("p-1", 1);
    }

    @Test
    void ofThreadsSendingOneKeyAtOnceExactlyOneHandlesIt() throws Exception {
        Races.sendEachKeyFromEveryThread(orders, THREADS, KEYS, "race-");
        Map<String, Integer> prepared = kitchen.prepared();
        for (int k = 0; k < KEYS; k++) {
            assertThat(prepared).containsEntry("race-" + k, 1);
        }
        assertThat(kitchen.duplicates()).filteredOn(order -> order.startsWith("race-"))
                .hasSize(KEYS * (THREADS - 1));
    }
}

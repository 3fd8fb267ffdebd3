package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The CDI snippets of docs/idempotent-receiver.adoc, run in a Weld SE container. */
class CdiIdempotentReceiverGuideTest {

    public record Payment(String transferId, long cents) {
    }

    @Dependent
    public static class Database {
        @Produces
        @ApplicationScoped
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:payments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }

    // tag::store[]
    @Dependent
    public static class PaymentStores {
        @Produces
        @ApplicationScoped
        @Named("paymentKeys")
        ConcurrentMetadataStore paymentKeys(DataSource dataSource) {
            return JdbcStores.builder(dataSource).build().createSchema().metadataStore();
        }
    }
    // end::store[]

    @ApplicationScoped
    public static class Ledger {
        private final List<String> booked = new CopyOnWriteArrayList<>();
        private final List<String> duplicates = new CopyOnWriteArrayList<>();

        // tag::endpoint[]
        @IdempotentReceiver(key = "payload.transferId", store = "paymentKeys", discardChannel = "duplicatePayments")
        @ServiceActivator(inputChannel = "payments")
        public void book(Payment payment) {
            booked.add(payment.transferId());
        }

        @ServiceActivator(inputChannel = "duplicatePayments")
        public void duplicate(Payment payment) {
            duplicates.add(payment.transferId());
        }
        // end::endpoint[]

        List<String> booked() {
            return List.copyOf(booked);
        }

        List<String> duplicates() {
            return List.copyOf(duplicates);
        }
    }

    @Test
    void anAnnotatedEndpointBooksEachTransferOnce() {
        try (WeldContainer container = CdiGuideTest.start("guide-idempotent", Database.class, PaymentStores.class,
                Ledger.class)) {
            Junction junction = container.select(Junction.class).get();
            junction.channel("payments").send(Message.of(new Payment("t-1", 500)));
            junction.channel("payments").send(Message.of(new Payment("t-1", 500)));

            Ledger ledger = container.select(Ledger.class).get();
            assertThat(ledger.booked()).containsExactly("t-1");
            assertThat(ledger.duplicates()).containsExactly("t-1");
        }
    }
}

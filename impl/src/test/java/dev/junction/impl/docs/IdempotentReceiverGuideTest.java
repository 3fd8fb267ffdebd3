package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.MessageKeyStrategy;
import dev.junction.api.annotation.Header;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The snippets of docs/idempotent-receiver.adoc; each one runs here, so the guide cannot drift. */
class IdempotentReceiverGuideTest {

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    public record Payment(String transferId, long cents) {
    }

    /** Books payments; {@code failNext} makes its next call fail, as a ledger that is briefly down. */
    public static final class Ledger {
        final List<Payment> booked = new CopyOnWriteArrayList<>();
        final List<String> notes = new CopyOnWriteArrayList<>();
        final AtomicInteger failNext = new AtomicInteger();

        public void book(Payment payment) {
            if (failNext.getAndDecrement() > 0) {
                throw new IllegalStateException("the ledger is down");
            }
            booked.add(payment);
        }

        // tag::marked-handler[]
        public void record(Payment payment,
                @Header(value = MessageHeaders.DUPLICATE_MESSAGE, required = false) Boolean duplicate) {
            if (Boolean.TRUE.equals(duplicate)) {
                notes.add("already booked " + payment.transferId());   // answer again, book nothing
                return;
            }
            book(payment);
        }
        // end::marked-handler[]
    }

    @Test
    void aJdbcStoreAndADiscardChannel() {
        DataSource dataSource = TestDatabases.h2();
        String prefix = TestDatabases.uniquePrefix();
        Ledger ledger = new Ledger();
        try {
            // tag::jdbc[]
            JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema();
            HandlerAdvice oncePerTransfer = Advices.idempotentReceiver()
                    .key("payload.transferId")                      // an expression over payload and headers
                    .store(stores.metadataStore())                  // shared by every JVM on this database
                    .discardChannel("duplicatePayments")            // duplicates go there, not to the ledger
                    .build();
            PollableChannel duplicates = junction.register(MessageChannels.queue("duplicatePayments", 100));
            junction.flow("payments").handle(ledger, "book").advice(oncePerTransfer);
            junction.start();

            junction.channel("payments").send(Message.of(new Payment("t-1", 500)));
            junction.channel("payments").send(Message.of(new Payment("t-1", 500)));   // sent twice
            // end::jdbc[]
            assertThat(ledger.booked).containsExactly(new Payment("t-1", 500));
            assertThat(duplicates.receive(Duration.ZERO).getPayload()).isEqualTo(new Payment("t-1", 500));
            assertThat(stores.metadataStore().get("t-1")).isNotNull();
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }

    @Test
    void aDuplicateMarkedForTheHandler() {
        Ledger ledger = new Ledger();
        // tag::marked[]
        junction.flow("payments").handle(ledger, "record")
                .advice(Advices.idempotentReceiver().key("payload.transferId").build());   // no discard, no throw
        // end::marked[]
        junction.start();

        junction.channel("payments").send(Message.of(new Payment("t-1", 500)));
        junction.channel("payments").send(Message.of(new Payment("t-1", 500)));

        assertThat(ledger.booked).hasSize(1);
        assertThat(ledger.notes).containsExactly("already booked t-1");
    }

    @Test
    void whatAFailureDoesToTheKey() {
        Ledger keeping = new Ledger();
        Ledger removing = new Ledger();
        // tag::failure[]
        junction.flow("payments").handle(keeping, "book")
                .advice(Advices.idempotentReceiver().key("payload.transferId")
                        .throwExceptionOnRejection(true).build());           // a failed payment stays received
        junction.flow("retriedPayments").handle(removing, "book")
                .advice(Advices.idempotentReceiver().key("payload.transferId")
                        .throwExceptionOnRejection(true)
                        .removeKeyOnFailure(true).build());                  // a failed payment may come again
        // end::failure[]
        junction.start();
        keeping.failNext.set(1);
        removing.failNext.set(1);
        Payment payment = new Payment("t-9", 100);

        assertThatThrownBy(() -> junction.channel("payments").send(Message.of(payment)))
                .hasRootCauseMessage("the ledger is down");
        assertThatThrownBy(() -> junction.channel("payments").send(Message.of(payment)))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("JNC-0944");
        assertThat(keeping.booked).isEmpty();

        assertThatThrownBy(() -> junction.channel("retriedPayments").send(Message.of(payment)))
                .hasRootCauseMessage("the ledger is down");
        junction.channel("retriedPayments").send(Message.of(payment));
        assertThat(removing.booked).containsExactly(payment);
    }

    @Test
    void aKeyStrategyAndAStoredValue() {
        Ledger ledger = new Ledger();
        // tag::strategy[]
        MessageKeyStrategy byTransfer = message -> ((Payment) message.getPayload()).transferId();
        junction.flow("payments").handle(ledger, "book")
                .advice(Advices.idempotentReceiver()
                        .keyStrategy(byTransfer)
                        .value("'first seen at ' += headers.timestamp")  // stored with the key (default: the timestamp)
                        .build());
        // end::strategy[]
        junction.start();

        junction.channel("payments").send(Message.of(new Payment("t-1", 1)));
        junction.channel("payments").send(Message.of(new Payment("t-2", 2)));
        junction.channel("payments").send(Message.of(new Payment("t-2", 2)));
        assertThat(ledger.booked).hasSize(3); // the duplicate is marked, and book() ignores the mark
    }
}

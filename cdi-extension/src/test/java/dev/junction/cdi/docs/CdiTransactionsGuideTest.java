package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.cdi.JtaContainers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/cdi.adoc that need JTA: a transactional poller and a {@code @Transactional} gateway method.
 * Weld SE with Narayana and an XA H2 database ({@link JtaContainers}).
 */
class CdiTransactionsGuideTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    // --- a transactional poller ----------------------------------------------------------------------------------

    public record Payment(String id, int amount) {
    }

    @Dependent
    public static class PaymentChannels {
        @Produces @ApplicationScoped @Channel("payments")
        PollableChannel payments() {
            return MessageChannels.queue("payments");
        }

        @Produces @ApplicationScoped @Channel("paymentErrors")
        PollableChannel paymentErrors() {
            return MessageChannels.queue("paymentErrors");
        }
    }

    @ApplicationScoped
    public static class Ledger {
        // tag::transactional-poller[]
        @Inject
        DataSource database;                        // XA: its connections enlist in the poll's transaction

        @ServiceActivator(inputChannel = "payments")
        @Poller(fixedDelay = 100, maxMessagesPerPoll = 1, errorChannel = "paymentErrors", transactional = true)
        public void record(Payment payment) throws SQLException {
            try (Connection connection = database.getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into payment values (?, ?)")) {
                insert.setString(1, payment.id());
                insert.setInt(2, payment.amount());
                insert.executeUpdate();
            }
            if (payment.amount() <= 0) {
                throw new IllegalArgumentException("not a payment: " + payment.id());   // the insert rolls back
            }
        }
        // end::transactional-poller[]
    }

    @Test
    void aFailingWriteOfTheTransactionalPollerIsRolledBackAndReported() throws SQLException {
        container = JtaContainers.start("guide-transactional-poller", PaymentChannels.class, Ledger.class,
                JtaContainers.Database.class);
        DataSource database = container.select(DataSource.class).get();
        execute(database, "create table payment (id varchar(20) primary key, amount int)");
        PollableChannel payments = container.select(PollableChannel.class, Channel.Literal.of("payments")).get();

        payments.send(Message.of(new Payment("p1", 10)));
        payments.send(Message.of(new Payment("p2", -5)));
        payments.send(Message.of(new Payment("p3", 20)));

        Message<?> error = container.select(PollableChannel.class, Channel.Literal.of("paymentErrors")).get()
                .receive(PATIENCE);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessageHandlingException.class)
                .hasRootCauseMessage("not a payment: p2");
        await().atMost(PATIENCE).until(() -> committedPayments(database).contains("p3"));
        assertThat(committedPayments(database)).containsExactly("p1", "p3");
    }

    // --- interceptor bindings on a gateway -----------------------------------------------------------------------

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Audited {
    }

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        static final List<String> CALLS = new CopyOnWriteArrayList<>();

        @AroundInvoke
        Object audit(InvocationContext call) throws Exception {
            CALLS.add(call.getMethod().getName());
            return call.proceed();
        }
    }

    public record Transfer(String from, String to, int amount) {
    }

    public record Receipt(Transfer transfer, boolean inTransaction) {
    }

    // tag::intercepted-gateway[]
    @MessagingGateway(defaultRequestChannel = "transfers", defaultReplyTimeout = 5_000)
    public interface Bank {
        @Transactional @Audited
        Receipt transfer(Transfer transfer);
    }
    // end::intercepted-gateway[]

    /** On the direct channel, in the caller's thread: it sees the transaction the interceptor began. */
    @ApplicationScoped
    public static class Teller {
        @Inject
        TransactionManager transactions;

        @ServiceActivator(inputChannel = "transfers")
        public Receipt book(Transfer transfer) throws SystemException {
            return new Receipt(transfer, transactions.getStatus() == Status.STATUS_ACTIVE);
        }
    }

    @Test
    void theGatewaysInterceptorBindingsApply() {
        AuditInterceptor.CALLS.clear();
        container = JtaContainers.start("guide-intercepted-gateway", Bank.class, Teller.class,
                AuditInterceptor.class);
        Transfer transfer = new Transfer("ann", "bob", 10);

        Receipt receipt = container.select(Bank.class).get().transfer(transfer);

        assertThat(receipt).isEqualTo(new Receipt(transfer, true));
        assertThat(AuditInterceptor.CALLS).containsExactly("transfer");
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** @return the ids of the committed payments, sorted; read without a transaction, so only committed rows */
    private static List<String> committedPayments(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from payment order by id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}

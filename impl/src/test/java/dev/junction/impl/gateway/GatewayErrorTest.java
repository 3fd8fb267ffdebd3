package dev.junction.impl.gateway;

import static dev.junction.impl.gateway.Flows.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.ServiceActivatingHandler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors downstream: rethrown (unwrapped to a declared exception), or handled by the gateway's error channel. */
class GatewayErrorTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final ExecutorService threads = Flows.daemonThreads("error-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A checked exception of the application. */
    static final class OrderRejected extends Exception {
        OrderRejected(String message) {
            super(message);
        }
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 20_000)
    interface Orders {
        String order(String item) throws OrderRejected;

        String orderUndeclared(String item);

        String orderAnything(String item) throws Exception;
    }

    private void failingService(boolean multiThreaded, RuntimeException failure) {
        SubscribableChannel orders = channels.register(multiThreaded ? new ExecutorChannel("orders", threads)
                : new DirectChannel("orders"));
        orders.subscribe(Flows.service(item -> {
            throw failure;
        }));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeclaredCheckedExceptionIsUnwrappedForTheCaller(boolean multiThreaded) {
        OrderRejected rejected = new OrderRejected("sold out");
        failingService(multiThreaded, new RuntimeException("wrapped", rejected));
        Orders gateway = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();

        assertThatThrownBy(() -> gateway.order("tea")).isSameAs(rejected);
        assertThatThrownBy(() -> gateway.orderUndeclared("tea")).isInstanceOf(MessagingException.class)
                .hasRootCause(rejected);
    }

    @Test
    void aBroadlyDeclaredExceptionGetsTheFirstCauseBeneathTheMessagingWrappers() {
        IllegalStateException cause = new IllegalStateException("machine broken");
        failingService(false, cause);
        Orders gateway = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();

        assertThatThrownBy(() -> gateway.orderAnything("tea")).isSameAs(cause);
        assertThatThrownBy(() -> gateway.order("tea")).as("OrderRejected is not in the chain")
                .isInstanceOf(MessagingException.class).hasCause(cause);
    }

    // ---- the error channel ----

    @MessagingGateway(defaultRequestChannel = "orders", errorChannel = "errors")
    interface Guarded {
        String order(String item);

        void fire(String item);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theErrorFlowsReplyBecomesTheReturnValue(boolean multiThreaded) {
        failingService(multiThreaded, new IllegalStateException("sold out"));
        AtomicReference<Message<?>> seen = new AtomicReference<>();
        channels.register(new DirectChannel("errors")).subscribe(new ServiceActivatingHandler(error -> {
            seen.set(error);
            return "sorry: " + ((Throwable) error.getPayload()).getCause().getMessage();
        }, ReplyProducerSettings.named("apology")));
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels).create();

        assertThat(gateway.order("tea")).isEqualTo("sorry: sold out");
        ErrorMessage error = (ErrorMessage) seen.get();
        assertThat(error.getPayload()).isInstanceOf(MessagingException.class);
        assertThat(((MessagingException) error.getPayload()).getFailedMessage().getPayload()).isEqualTo("tea");
        assertThat(error.getOriginalMessage()).hasValueSatisfying(original -> assertThat(original.getPayload()).isEqualTo("tea"));
    }

    @Test
    void theNullChannelAsErrorChannelSwallowsFailuresWithoutWaiting() {
        failingService(false, new IllegalStateException("sold out"));
        // no reply timeout: a wait for the error flow would block forever
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels)
                .errorChannel(channels.nullChannel()).create();

        assertThat(gateway.order("tea")).isNull();
        gateway.fire("tea");
    }

    @Test
    void aOneWayErrorFlowLeavesTheCallerWaitingForTheReplyTimeout() {
        failingService(false, new IllegalStateException("sold out"));
        QueueChannel errors = channels.register(new QueueChannel("errors"));
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels)
                .defaultReplyTimeout(Duration.ofMillis(50)).create();

        long started = System.nanoTime();
        assertThat(gateway.order("tea")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(errors.receive(Duration.ZERO)).isInstanceOf(ErrorMessage.class);
    }

    @Test
    void aVoidMethodsFailureGoesToTheErrorChannelAndTheCallReturns() {
        failingService(false, new IllegalStateException("sold out"));
        DirectChannel errors = channels.register(new DirectChannel("errors"));
        // an error flow that replies: the reply is discarded, since nobody waits for it
        errors.subscribe(Flows.service(error -> "handled"));
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels).create();

        gateway.fire("tea");
    }

    @Test
    void aVoidMethodsFailureReachesTheErrorChannelAsAnErrorMessage() {
        failingService(false, new IllegalStateException("sold out"));
        QueueChannel errors = channels.register(new QueueChannel("errors"));
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels).create();

        gateway.fire("tea");

        Message<?> error = errors.receive(Duration.ZERO);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).hasRootCauseMessage("sold out");
        assertThat(((ErrorMessage) error).getOriginalMessage()).hasValueSatisfying(original ->
                assertThat(original.getPayload()).isEqualTo("tea"));
    }

    interface Unguarded {
        void fire(String item);
    }

    @Test
    void withoutErrorChannelAVoidMethodsFailureIsThrown() {
        DirectChannel orders = new DirectChannel("orders");
        orders.subscribe(message -> {
            throw new IllegalStateException("sold out");
        });
        Unguarded gateway = GatewayProxyFactory.builder(Unguarded.class).defaultRequestChannel(orders).create();

        assertThatThrownBy(() -> gateway.fire("tea")).isInstanceOf(MessagingException.class).hasRootCauseMessage("sold out");
    }

    @Test
    void aFailingErrorFlowThrowsItsFailureWithTheOriginalSuppressed() {
        failingService(false, new IllegalStateException("sold out"));
        channels.register(new DirectChannel("errors")).subscribe(error -> {
            throw new IllegalArgumentException("error flow broken");
        });
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels).create();

        Throwable thrown = catchThrowable(() -> gateway.order("tea"));
        assertThat(thrown).isInstanceOf(MessagingException.class).hasRootCauseMessage("error flow broken");
        assertThat(thrown.getSuppressed()).singleElement().satisfies(original ->
                assertThat(original).hasRootCauseMessage("sold out"));
        Throwable fromVoid = catchThrowable(() -> gateway.fire("tea"));
        assertThat(fromVoid).hasRootCauseMessage("error flow broken");
    }

    @Test
    void anErrorFlowAnsweringWithAnErrorMessageIsThrown() {
        failingService(true, new IllegalStateException("sold out"));
        // the error flow answers the error message with an error of its own
        channels.register(new DirectChannel("errors")).subscribe(error ->
                ((MessageChannel) error.getHeaders().getErrorChannel())
                        .send(new ErrorMessage(new IllegalArgumentException("cannot apologise"), error)));
        Guarded gateway = GatewayProxyFactory.builder(Guarded.class).channelResolver(channels)
                .defaultReplyTimeout(PATIENCE).create();

        assertThatThrownBy(() -> gateway.order("tea")).isInstanceOf(MessagingException.class)
                .hasRootCauseMessage("cannot apologise");
    }

    @MessagingGateway(defaultRequestChannel = "full", errorChannel = "errors", defaultRequestTimeout = 0)
    interface Congested {
        String order(String item);
    }

    @Test
    void aRequestThatCannotBeSentAlsoGoesToTheErrorFlow() {
        QueueChannel full = channels.register(new QueueChannel("full", 1));
        full.send(Message.of("occupant"));
        channels.register(new DirectChannel("errors")).subscribe(Flows.service(error ->
                error instanceof MessageTimeoutException ? "try later" : "other: " + error));
        Congested gateway = GatewayProxyFactory.builder(Congested.class).channelResolver(channels).create();

        assertThat(gateway.order("tea")).isEqualTo("try later");
    }
}

package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.NullChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.source.SupplierMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the failures of polls go: the poller's error channel (by instance or name), nullChannel, or errorChannel. */
class PollerErrorHandlingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel input = new QueueChannel("input");
    private final PollCounter polls = new PollCounter();
    private final List<Message<?>> globalErrors = new CopyOnWriteArrayList<>();
    private final IllegalStateException boom = new IllegalStateException("boom");
    private final AtomicInteger failedInPoll = new AtomicInteger();

    @BeforeEach
    void observeTheGlobalErrorChannel() {
        channels.errorChannel().subscribe(globalErrors::add);
    }

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    private PollerSpec poller() {
        return PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ZERO).advice(polls);
    }

    private void failingConsumer(PollerSpec poller) {
        endpoints.consumer("failing", input, message -> {
            failedInPoll.set(polls.current());
            throw boom;
        }, poller.build(), true);
        endpoints.startAll();
    }

    private static void assertErrorMessageFor(Message<?> error, Message<?> failed, Throwable cause) {
        assertThat(error).isInstanceOf(ErrorMessage.class);
        ErrorMessage errorMessage = (ErrorMessage) error;
        assertThat(errorMessage.getOriginalMessage()).containsSame(failed);
        assertThat(errorMessage.getPayload()).isInstanceOf(MessageHandlingException.class).hasCause(cause)
                .hasMessageContaining("'failing'");
        assertThat(((MessagingException) errorMessage.getPayload()).getFailedMessage()).isSameAs(failed);
    }

    /** Once a later poll has started, the failed poll's error handling (on the same schedule) is over. */
    private void awaitErrorHandlingOfTheFailedPoll() {
        await().atMost(WAIT).until(() -> failedInPoll.get() > 0 && polls.started() > failedInPoll.get());
    }

    @Test
    void aHandlerFailureBecomesAnErrorMessageOnThePollersErrorChannel() {
        QueueChannel errors = new QueueChannel("errors");
        failingConsumer(poller().errorChannel(errors));
        Message<String> message = Message.of("doomed");

        input.send(message);

        Message<?> error = errors.receive(WAIT);
        assertErrorMessageFor(error, message, boom);
        awaitErrorHandlingOfTheFailedPoll();
        assertThat(globalErrors).isEmpty();
    }

    @Test
    void anErrorChannelNameIsResolvedThroughTheRegistry() {
        QueueChannel errors = channels.register(new QueueChannel("myErrors"));
        failingConsumer(poller().errorChannelName("myErrors"));
        Message<String> message = Message.of("doomed");

        input.send(message);

        assertErrorMessageFor(errors.receive(WAIT), message, boom);
    }

    @Test
    void nullChannelAsErrorChannelSuppressesFailures() {
        failingConsumer(poller().errorChannel(channels.nullChannel()));

        input.send(Message.of("doomed"));

        awaitErrorHandlingOfTheFailedPoll();
        assertThat(globalErrors).isEmpty();
    }

    @Test
    void nullChannelCanBeNamedToo() {
        failingConsumer(poller().errorChannelName(NullChannel.NAME));

        input.send(Message.of("doomed"));

        awaitErrorHandlingOfTheFailedPoll();
        assertThat(globalErrors).isEmpty();
    }

    @Test
    void withoutAnErrorChannelTheGlobalErrorChannelGetsTheFailure() {
        failingConsumer(poller());
        Message<String> message = Message.of("doomed");

        input.send(message);

        await().atMost(WAIT).until(() -> globalErrors.size() == 1);
        assertErrorMessageFor(globalErrors.get(0), message, boom);
    }

    @Test
    void theFailedMessagesOwnErrorChannelHeaderWins() {
        QueueChannel pollerErrors = new QueueChannel("pollerErrors");
        QueueChannel ownErrors = new QueueChannel("ownErrors");
        failingConsumer(poller().errorChannel(pollerErrors));
        Message<String> message = dev.junction.api.message.MessageBuilder.withPayload("doomed")
                .setErrorChannel(ownErrors).build();

        input.send(message);

        assertErrorMessageFor(ownErrors.receive(WAIT), message, boom);
        assertThat(pollerErrors.receive(Duration.ZERO)).isNull();
    }

    @Test
    void theScheduleGoesOnAfterAFailedPoll() {
        QueueChannel errors = new QueueChannel("errors");
        List<Object> handled = new CopyOnWriteArrayList<>();
        endpoints.consumer("sometimesFailing", input, message -> {
            if (message.getPayload().equals("bad")) {
                throw boom;
            }
            handled.add(message.getPayload());
        }, poller().errorChannel(errors).build(), true);
        endpoints.startAll();

        input.send(Message.of("bad"));
        assertThat(errors.receive(WAIT)).isInstanceOf(ErrorMessage.class);
        input.send(Message.of("good"));

        await().atMost(WAIT).until(() -> handled.contains("good"));
    }

    @Test
    void aFailingSourceBecomesAnErrorMessageWithoutAFailedMessage() {
        QueueChannel errors = new QueueChannel("errors");
        IllegalStateException unavailable = new IllegalStateException("source unavailable");
        endpoints.inboundAdapter("brokenSource", new SupplierMessageSource(() -> {
            throw unavailable;
        }), "out", poller().errorChannel(errors).build(), null, true);
        endpoints.startAll();

        Message<?> error = errors.receive(WAIT);

        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getOriginalMessage()).isEmpty();
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessagingException.class).hasMessageContaining("'brokenSource'")
                .hasRootCauseMessage("source unavailable");
    }
}

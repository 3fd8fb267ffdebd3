package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry advice on a service activator that fails, as the reference configurations show it. */
class RetryAdviceTest {

    private final Junction junction = Junction.create();
    private final LogRecorder log = new LogRecorder(RetryAdvice.class.getName());

    @AfterEach
    void close() {
        log.close();
        junction.close();
    }

    @MessagingGateway(defaultRequestChannel = "input", defaultReplyTimeout = 10_000)
    interface Caller {
        String call(String payload);
    }

    @Test
    void simpleStatelessRetryMakesThreeAttemptsThenThrowsTheFailure() {
        FailingService failer = FailingService.always();
        junction.flow("input").handle(failer, "service").id("failer").advice(Advices.retry().build());
        junction.start();

        assertThatThrownBy(() -> junction.channel("input").send(Message.of("x")))
                .isInstanceOf(MessagingException.class)
                .hasRootCauseMessage("foo");

        assertThat(failer.calls()).isEqualTo(3);
        assertThat(log.count("attempt 1 of 3")).isOne();
        assertThat(log.count("attempt 2 of 3")).isOne();
        assertThat(log.count("attempt 3 of 3")).isOne();
        assertThat(log.count("attempt 1 failed")).isOne();
        assertThat(log.count("attempt 3 failed")).isOne();
        assertThat(log.count("every attempt (3) failed")).isOne();
    }

    @Test
    void statelessRetryWithRecoverySendsAnErrorMessageAfterTheThirdAttempt() {
        PollableChannel errors = junction.register(MessageChannels.queue("myErrorChannel", 10));
        FailingService failer = FailingService.always();
        junction.flow("input").handle(failer, "service").id("failer")
                .advice(Advices.retry().recoveryChannel("myErrorChannel").build());
        junction.start();

        Message<String> sent = Message.of("x");
        junction.channel("input").send(sent);

        assertThat(failer.calls()).isEqualTo(3);
        Message<?> error = errors.receive(Duration.ZERO);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getOriginalMessage()).contains(sent);
        assertThat(((Throwable) error.getPayload())).hasRootCauseMessage("foo");
        assertThat(log.count("attempt ")).isGreaterThanOrEqualTo(3);
        assertThat(log.count("every attempt (3) failed")).isOne();
    }

    @Test
    void aRecoveryFunctionAnswersInsteadOfTheFailedService() {
        FailingService failer = FailingService.always();
        junction.flow("input").handle(failer, "service")
                .advice(Advices.retry().recover((message, failure) -> "recovered " + message.getPayload()).build());
        Caller caller = junction.gateway(Caller.class);
        junction.start();

        assertThat(caller.call("x")).isEqualTo("recovered x");
        assertThat(failer.calls()).isEqualTo(3);
    }

    @Test
    void aTransientFailureIsRetriedUntilTheServiceAnswers() {
        FailingService flaky = new FailingService(2, () -> new IllegalStateException("glitch"));
        junction.flow("input").handle(flaky, "service").advice(Advices.retry().build());
        Caller caller = junction.gateway(Caller.class);
        junction.start();

        assertThat(caller.call("latte")).isEqualTo("LATTE");
        assertThat(flaky.calls()).isEqualTo(3);
    }

    @Test
    void exponentialBackOffPausesLongerBeforeEachRetryUpToTheMaximum() {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        PollableChannel errors = junction.register(MessageChannels.queue("myErrorChannel", 10));
        junction.flow("input").handle((String payload) -> {
            attempts.add(System.nanoTime());
            throw new IllegalStateException("down");
        }).advice(Advices.retry().maxAttempts(4)
                .exponentialBackOff(Duration.ofMillis(100), 2.0, Duration.ofMillis(250))
                .recoveryChannel("myErrorChannel").build());
        junction.start();

        junction.channel("input").send(Message.of("x"));

        assertThat(attempts).hasSize(4);
        long[] expectedPauses = {100, 200, 250};
        for (int i = 0; i < expectedPauses.length; i++) {
            long pausedMillis = (attempts.get(i + 1) - attempts.get(i)) / 1_000_000;
            assertThat(pausedMillis).as("pause before attempt " + (i + 2))
                    .isGreaterThanOrEqualTo(expectedPauses[i])
                    .isLessThan(expectedPauses[i] + 5_000);
        }
        assertThat(errors.receive(Duration.ZERO)).isInstanceOf(ErrorMessage.class);
        assertThat(log.count("pausing 100 ms")).isOne();
        assertThat(log.count("pausing 200 ms")).isOne();
        assertThat(log.count("pausing 250 ms")).isOne();
    }

    @Test
    void fixedBackOffPausesTheSameTimeBeforeEachRetry() {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        junction.flow("input").handle((String payload) -> {
            attempts.add(System.nanoTime());
            throw new IllegalStateException("down");
        }).advice(Advices.retry().fixedBackOff(Duration.ofMillis(60)).build());
        junction.start();

        assertThatThrownBy(() -> junction.channel("input").send(Message.of("x")));

        assertThat(attempts).hasSize(3);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat((attempts.get(i) - attempts.get(i - 1)) / 1_000_000).isGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void retryOnLooksAtTheCausesOfTheFailure() {
        FailingService wrapped = new FailingService(Integer.MAX_VALUE,
                () -> new IllegalStateException("wrapped", new UncheckedIOException(new IOException("reset"))));
        FailingService other = new FailingService(Integer.MAX_VALUE, () -> new IllegalArgumentException("bad"));
        HandlerAdvice retry = Advices.retry().retryOn(IOException.class).build();
        junction.flow("input").handle(wrapped, "service").advice(retry);
        junction.flow("other").handle(other, "service").advice(retry);
        junction.start();

        assertThatThrownBy(() -> junction.channel("input").send(Message.of("x"))).hasRootCauseMessage("reset");
        assertThatThrownBy(() -> junction.channel("other").send(Message.of("x"))).hasRootCauseMessage("bad");

        assertThat(wrapped.calls()).as("an IOException among the causes: retried").isEqualTo(3);
        assertThat(other.calls()).as("no IOException: thrown at once").isOne();
    }

    @Test
    void abortOnStopsTheRetryAtOnceAndWinsOverRetryOn() {
        FailingService failer = new FailingService(Integer.MAX_VALUE,
                () -> new IllegalStateException("wrapped", new IllegalArgumentException("invalid order")));
        junction.flow("input").handle(failer, "service").advice(Advices.retry()
                .retryOn(IllegalStateException.class).abortOn(IllegalArgumentException.class)
                .recover((message, failure) -> "never").build());
        junction.start();

        assertThatThrownBy(() -> junction.channel("input").send(Message.of("x")))
                .hasRootCauseMessage("invalid order");
        assertThat(failer.calls()).isOne();
    }

    @Test
    void statefulRetryThrowsEachFailureToTheCallerAndRecoversOnTheResubmissionAfterTheLastAttempt() {
        PollableChannel errors = junction.register(MessageChannels.queue("myErrorChannel", 10));
        FailingService failer = FailingService.always();
        junction.flow("input").handle(failer, "service").id("failer").advice(Advices.retry()
                .stateKey("headers['messageId']").recoveryChannel("myErrorChannel").build());
        junction.start();
        Message<String> message = MessageBuilder.withPayload("x").setHeader("messageId", "m-1").build();

        for (int submission = 1; submission <= 3; submission++) {
            assertThatThrownBy(() -> junction.channel("input").send(message)).hasRootCauseMessage("foo");
            assertThat(failer.calls()).isEqualTo(submission);
        }
        junction.channel("input").send(message); // the caller resubmits once more: recovered, not handled

        assertThat(failer.calls()).isEqualTo(3);
        Message<?> error = errors.receive(Duration.ZERO);
        assertThat(((ErrorMessage) error).getOriginalMessage()).contains(message);
        assertThat(log.count("thrown to the caller for a resubmission")).isEqualTo(3);
        assertThat(log.count("every attempt (3) failed")).isOne();

        Message<String> again = MessageBuilder.withPayload("y").setHeader("messageId", "m-1").build();
        assertThatThrownBy(() -> junction.channel("input").send(again)).hasRootCauseMessage("foo");
        assertThat(failer.calls()).as("the recovered key starts counting again").isEqualTo(4);
    }

    @Test
    void statefulRetryKeepsABoundedNumberOfStates() {
        FailingService failer = FailingService.always();
        junction.flow("input").handle(failer, "service").advice(Advices.retry().maxAttempts(2)
                .stateKey("headers['messageId']").maxStates(2).recover((message, failure) -> "recovered").build());
        Caller caller = junction.gateway(Caller.class);
        junction.start();

        for (String id : List.of("a", "b", "c")) { // "a" is forgotten when "c" is counted
            Message<String> message = MessageBuilder.withPayload(id).setHeader("messageId", id).build();
            assertThatThrownBy(() -> junction.channel("input").send(message)).hasRootCauseMessage("foo");
        }
        assertThat(log.count("forgets those of key 'a'")).isOne();
        Message<String> a = MessageBuilder.withPayload("a").setHeader("messageId", "a").build();
        assertThatThrownBy(() -> junction.channel("input").send(a)).as("'a' counts anew: attempt 1 of 2")
                .hasRootCauseMessage("foo");
        assertThat(failer.calls()).isEqualTo(4);
    }

    @Test
    void invalidSettingsFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> Advices.retry().maxAttempts(0)).hasMessageStartingWith("JNC-1002");
        assertThatThrownBy(() -> Advices.retry().fixedBackOff(Duration.ZERO)).hasMessageStartingWith("JNC-1003");
        assertThatThrownBy(() -> Advices.retry().exponentialBackOff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)))
                .hasMessageStartingWith("JNC-1003");
        assertThatThrownBy(() -> Advices.retry().exponentialBackOff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(9)))
                .hasMessageStartingWith("JNC-1003");
        assertThatThrownBy(() -> Advices.retry().retryOn(IOException.class).abortOn(IOException.class))
                .hasMessageStartingWith("JNC-1004");
        assertThatThrownBy(() -> Advices.retry().recoveryChannel("errors").recover((m, f) -> null))
                .hasMessageStartingWith("JNC-1005");
        assertThatThrownBy(() -> Advices.retry().stateKey(" ")).hasMessageStartingWith("JNC-1006");
        assertThatThrownBy(() -> Advices.retry().maxStates(0)).hasMessageStartingWith("JNC-1006");
        assertThatThrownBy(() -> Advices.retry().stateKey("payload").fixedBackOff(Duration.ofSeconds(1)).build())
                .hasMessageStartingWith("JNC-1006");
    }

    @Test
    void anUnknownRecoveryChannelOrAnInvalidKeyIsReportedWhenTheRuntimeStarts() {
        junction.flow("input").handle(FailingService.always(), "service").id("failer")
                .advice(Advices.retry().recoveryChannel("nowhere").build());
        junction.flow("other").handle(FailingService.always(), "service").id("keyed")
                .advice(Advices.retry().stateKey("headers[").build());

        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1010 The retry advice of endpoint 'failer' names the recovery channel"
                        + " 'nowhere'")
                .hasMessageContaining("JNC-1009 The state key expression of the retry advice of endpoint 'keyed'");
    }
}

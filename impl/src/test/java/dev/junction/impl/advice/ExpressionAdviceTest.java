package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.AdviceMessage;
import dev.junction.api.advice.Advices;
import dev.junction.api.advice.ExpressionAdviceException;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expression-evaluating advice: expressions after a success or a failure, their channels, trapping. */
class ExpressionAdviceTest {

    private final Junction junction = Junction.create();
    private PollableChannel successes;
    private PollableChannel failures;

    @MessagingGateway(defaultRequestChannel = "transfers", defaultReplyTimeout = 10_000)
    interface Transfers {
        String transfer(String file);
    }

    /** Uploads a file; a name containing "bad" fails. */
    public static final class Uploader {
        public String upload(String file) {
            if (file.contains("bad")) {
                throw new IllegalStateException("connection refused");
            }
            return "uploaded " + file;
        }
    }

    @BeforeEach
    void channels() {
        successes = junction.register(MessageChannels.queue("moved", 10));
        failures = junction.register(MessageChannels.queue("failedTransfers", 10));
    }

    @AfterEach
    void close() {
        junction.close();
    }

    @Test
    void aSuccessSendsTheSuccessExpressionsValueWithTheInputMessage() {
        junction.flow("transfers").handle(new Uploader(), "upload").advice(Advices.expressions()
                .onSuccess("'done/' += payload += ' (' += result += ')'").successChannel("moved")
                .onFailure("'failed/' += payload").failureChannel("failedTransfers").build());
        Transfers transfers = junction.gateway(Transfers.class);
        junction.start();

        assertThat(transfers.transfer("a.txt")).isEqualTo("uploaded a.txt");

        Message<?> moved = successes.receive(Duration.ZERO);
        assertThat(moved).isInstanceOf(AdviceMessage.class);
        assertThat(moved.getPayload()).isEqualTo("done/a.txt (uploaded a.txt)");
        assertThat(((AdviceMessage<?>) moved).getInputMessage().getPayload()).isEqualTo("a.txt");
        assertThat(failures.receive(Duration.ZERO)).isNull();
    }

    @Test
    void aFailureSendsAnErrorMessageWithTheValueAndIsThrownOn() {
        junction.flow("transfers").handle(new Uploader(), "upload").advice(Advices.expressions()
                .onFailure("'failed/' += payload += ': ' += exception.cause.message")
                .failureChannel("failedTransfers").build());
        junction.start();

        assertThatThrownBy(() -> junction.channel("transfers").send(Message.of("bad.txt")))
                .hasRootCauseMessage("connection refused");

        Message<?> error = failures.receive(Duration.ZERO);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        ExpressionAdviceException failure = (ExpressionAdviceException) error.getPayload();
        assertThat(failure.getEvaluationResult()).isEqualTo("failed/bad.txt: connection refused");
        assertThat(failure.getFailedMessage().getPayload()).isEqualTo("bad.txt");
        assertThat(failure).hasRootCauseMessage("connection refused");
    }

    @Test
    void aTrappedFailureEndsQuietlyOrAnswersWithTheFailureExpressionsValue() {
        junction.flow("transfers").handle(new Uploader(), "upload").advice(Advices.expressions()
                .onFailure("'could not transfer ' += payload").trapException(true)
                .returnFailureExpressionResult(true).build());
        junction.flow("quiet").handle(new Uploader(), "upload").advice(Advices.expressions()
                .onFailure("'failed/' += payload").failureChannel("failedTransfers").trapException(true).build());
        Transfers transfers = junction.gateway(Transfers.class);
        junction.start();

        assertThat(transfers.transfer("bad.txt")).isEqualTo("could not transfer bad.txt");

        junction.channel("quiet").send(Message.of("bad.txt")); // no exception, no reply
        assertThat(((ExpressionAdviceException) failures.receive(Duration.ZERO).getPayload()).getEvaluationResult())
                .isEqualTo("failed/bad.txt");
    }

    @Test
    void invalidAdvicesAreRefused() {
        assertThatThrownBy(() -> Advices.expressions().build()).hasMessageStartingWith("JNC-1008");
        assertThatThrownBy(() -> Advices.expressions().onFailure("payload").successChannel("moved").build())
                .hasMessageStartingWith("JNC-1008");
        assertThatThrownBy(() -> Advices.expressions().onFailure("payload").returnFailureExpressionResult(true)
                .build()).hasMessageStartingWith("JNC-1008");

        junction.flow("transfers").handle(new Uploader(), "upload").id("uploader")
                .advice(Advices.expressions().onSuccess("payload +").build());
        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1009 The success expression of the expression advice of endpoint"
                        + " 'uploader'");
    }
}

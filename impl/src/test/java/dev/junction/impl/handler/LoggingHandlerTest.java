package dev.junction.impl.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.testing.LogRecorder;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggingHandlerTest {

    private static final String LOGGER = "dev.junction.test.logging";
    private LogRecorder log;

    @BeforeEach
    void capture() {
        log = LogRecorder.of(LOGGER, java.util.logging.Level.INFO);
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void logsThePayloadAtTheChosenLevel() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).level(Level.WARNING).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());

        assertThat(log.records()).hasSize(1);
        assertThat(log.records().get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(log.records().get(0).getMessage()).isEqualTo("latte");
    }

    @Test
    void logsTheFullMessageWhenAsked() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).logFullMessage(true).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());
        assertThat(log.records().get(0).getMessage()).contains("latte").contains("table=4");
    }

    @Test
    void logsWhatTheExpressionReturns() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER)
                .expression(m -> "table " + m.getHeaders().get("table")).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());
        assertThat(log.records().get(0).getMessage()).isEqualTo("table 4");
    }

    @Test
    void evaluatesNothingWhenTheLevelIsDisabled() {
        AtomicInteger evaluations = new AtomicInteger();
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).level(Level.DEBUG)
                .expression(m -> evaluations.incrementAndGet()).build();
        handler.handleMessage(Message.of("x"));
        assertThat(evaluations).hasValue(0);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void expressionAndFullMessageExcludeEachOther() {
        assertThatThrownBy(() -> LoggingHandler.builder().logFullMessage(true).expression(m -> m).build())
                .isInstanceOf(IllegalStateException.class);
    }
}

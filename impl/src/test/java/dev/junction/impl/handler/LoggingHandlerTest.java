package dev.junction.impl.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggingHandlerTest {

    private static final String LOGGER = "dev.junction.test.logging";
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger julLogger = Logger.getLogger(LOGGER);

    @BeforeEach
    void capture() {
        julLogger.setLevel(java.util.logging.Level.INFO);
        julLogger.addHandler(capture);
    }

    @AfterEach
    void release() {
        julLogger.removeHandler(capture);
    }

    @Test
    void logsThePayloadAtTheChosenLevel() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).level(Level.WARNING).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(records.get(0).getMessage()).isEqualTo("latte");
    }

    @Test
    void logsTheFullMessageWhenAsked() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).logFullMessage(true).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());
        assertThat(records.get(0).getMessage()).contains("latte").contains("table=4");
    }

    @Test
    void logsWhatTheExpressionReturns() {
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER)
                .expression(m -> "table " + m.getHeaders().get("table")).build();
        handler.handleMessage(MessageBuilder.withPayload("latte").setHeader("table", 4).build());
        assertThat(records.get(0).getMessage()).isEqualTo("table 4");
    }

    @Test
    void evaluatesNothingWhenTheLevelIsDisabled() {
        AtomicInteger evaluations = new AtomicInteger();
        LoggingHandler handler = LoggingHandler.builder().loggerName(LOGGER).level(Level.DEBUG)
                .expression(m -> evaluations.incrementAndGet()).build();
        handler.handleMessage(Message.of("x"));
        assertThat(evaluations).hasValue(0);
        assertThat(records).isEmpty();
    }

    @Test
    void expressionAndFullMessageExcludeEachOther() {
        assertThatThrownBy(() -> LoggingHandler.builder().logFullMessage(true).expression(m -> m).build())
                .isInstanceOf(IllegalStateException.class);
    }
}

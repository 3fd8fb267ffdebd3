package dev.junction.impl.handler;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Objects;

/**
 * The logging channel adapter: writes each message to a {@link System.Logger} at a chosen level. What is
 * written is the payload by default, the whole message (headers included) with {@code logFullMessage}, or the
 * result of an expression. Nothing is evaluated when the level is disabled.
 */
public final class LoggingHandler implements MessageHandler {

    /** The logger name used when none is given. */
    static final String DEFAULT_LOGGER_NAME = "dev.junction.logging";

    private final Logger logger;
    private final Level level;
    private final MessageProcessor<?> formatter;

    private LoggingHandler(Builder builder) {
        this.logger = System.getLogger(builder.loggerName);
        this.level = builder.level;
        if (builder.expression != null) {
            this.formatter = builder.expression;
        } else if (builder.logFullMessage) {
            this.formatter = message -> message;
        } else {
            this.formatter = Message::getPayload;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handleMessage(Message<?> message) {
        if (logger.isLoggable(level)) {
            Object logged = formatter.process(message);
            if (logged instanceof Throwable error) {
                logger.log(level, error.toString(), error);
            } else {
                logger.log(level, String.valueOf(logged));
            }
        }
    }

    /** Builds a {@link LoggingHandler}: level INFO, logger {@value #DEFAULT_LOGGER_NAME}, payload only. */
    public static final class Builder {
        private String loggerName = DEFAULT_LOGGER_NAME;
        private Level level = Level.INFO;
        private boolean logFullMessage;
        private MessageProcessor<?> expression;

        private Builder() {
        }

        public Builder loggerName(String loggerName) {
            this.loggerName = Objects.requireNonNull(loggerName, "loggerName");
            return this;
        }

        public Builder level(Level level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Logs the whole message, headers included, instead of the payload. */
        public Builder logFullMessage(boolean logFullMessage) {
            this.logFullMessage = logFullMessage;
            return this;
        }

        /** Logs what the processor (typically an expression such as {@code payload.user.name}) returns. */
        public Builder expression(MessageProcessor<?> expression) {
            this.expression = expression;
            return this;
        }

        /**
         * @throws IllegalStateException when both an expression and logFullMessage are set
         */
        public LoggingHandler build() {
            if (expression != null && logFullMessage) {
                throw new IllegalStateException("JNC-0322 A logging adapter takes either an expression or"
                        + " logFullMessage, not both");
            }
            return new LoggingHandler(this);
        }
    }
}

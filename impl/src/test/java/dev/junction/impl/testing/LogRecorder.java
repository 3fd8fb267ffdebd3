package dev.junction.impl.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one logger logs while it is open (System.Logger routes to java.util.logging in these tests), and
 * restores the logger when closed. Optionally keeps the records off the console, for tests that provoke errors.
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger; // a strong reference: JUL keeps loggers weakly
    private final Level previousLevel;
    private final boolean previousUseParentHandlers;

    private LogRecorder(String loggerName, Level level, boolean silent) {
        logger = Logger.getLogger(loggerName);
        previousLevel = logger.getLevel();
        previousUseParentHandlers = logger.getUseParentHandlers();
        logger.setLevel(level);
        setLevel(Level.ALL);
        logger.addHandler(this);
        if (silent) {
            logger.setUseParentHandlers(false);
        }
    }

    /** @return a recorder of everything the logger named after the class logs, which still reaches the console */
    public static LogRecorder of(Class<?> loggingClass) {
        return new LogRecorder(loggingClass.getName(), Level.ALL, false);
    }

    /** @return a recorder of what the logger logs at {@code level} and above, which still reaches the console */
    public static LogRecorder of(String loggerName, Level level) {
        return new LogRecorder(loggerName, level, false);
    }

    /** @return a recorder of everything the logger logs, kept off the console */
    public static LogRecorder silencing(Class<?> loggingClass) {
        return new LogRecorder(loggingClass.getName(), Level.ALL, true);
    }

    /** @return what was logged so far */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** @return what was logged at exactly that level */
    public List<LogRecord> at(Level level) {
        return records.stream().filter(record -> record.getLevel().equals(level)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParentHandlers);
    }
}

package dev.junction.impl.delayer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Turns what a delay expression gave into a release time: a number (or numeric text) of milliseconds or a
 * {@link Duration} from now, or a {@link Date}, an {@link Instant} or an ISO-8601 text naming the time itself.
 */
final class ReleaseTimes {

    private static final Pattern MILLIS = Pattern.compile("[+-]?\\d+");

    private ReleaseTimes() {
    }

    /**
     * @param value        the expression's value; {@code null} for the default delay
     * @param now          the time the message arrived
     * @param defaultDelay the delay when the value is {@code null}
     * @return when to release the message
     * @throws IllegalArgumentException when the value is neither a delay nor a time
     */
    static Instant of(Object value, Instant now, Duration defaultDelay) {
        if (value == null) {
            return now.plus(defaultDelay);
        }
        if (value instanceof Number number) {
            if (value instanceof Double || value instanceof Float) {
                return now.plusMillis(Math.round(number.doubleValue()));
            }
            return now.plusMillis(number.longValue());
        }
        if (value instanceof Duration delay) {
            return now.plus(delay);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof CharSequence chars) {
            return ofText(chars.toString().strip(), now, defaultDelay);
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " (" + value + ") is neither a delay"
                + " (a number of milliseconds, a Duration) nor a time (a Date, an Instant, an ISO-8601 text)");
    }

    private static Instant ofText(String text, Instant now, Duration defaultDelay) {
        if (text.isEmpty()) {
            return now.plus(defaultDelay);
        }
        if (MILLIS.matcher(text).matches()) {
            return now.plusMillis(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant(); // covers Instant's own form, 2030-01-01T10:00:00Z
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("the text '" + text + "' is neither a number of milliseconds nor an"
                    + " ISO-8601 time with its offset (2030-01-01T10:00:00Z)", notATime);
        }
    }
}

package dev.junction.impl.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import org.junit.jupiter.api.Test;

/**
 * Reports what one evaluation costs, for the record (printed, not asserted: timing limits make flaky tests).
 * The JMH benchmarks are the place for real numbers.
 */
class EvaluationCostTest {

    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 1_000_000;

    @Test
    void reportsNanosecondsPerEvaluation() {
        ExpressionParser parser = new ExpressionParser();
        Message<Integer> message = MessageBuilder.withPayload(42).setHeader("audit", true).build();
        report("payload * 2", parser.parse("payload * 2"), message, Object.class);
        report("headers['audit'] == true (boolean)", parser.parse("headers['audit'] == true"), message, boolean.class);
        report("payload > 10 (via selector)", parser.parse("payload > 10"), message, boolean.class);
    }

    private static void report(String label, Expression expression, Message<?> message, Class<?> type) {
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += expression.evaluate(message, type).hashCode();
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += expression.evaluate(message, type).hashCode();
        }
        double nanos = (System.nanoTime() - start) / (double) MEASURED;
        System.out.printf("EL evaluation %-40s %6.0f ns/op%n", label, nanos);
        assertThat(sink).isNotZero();
    }
}

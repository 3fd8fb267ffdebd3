package dev.junction.impl.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parsed expression shared by many threads: each evaluation must see only its own message. */
class ConcurrentEvaluationTest {

    private static final int THREADS = 8;
    private static final int EVALUATIONS = 20_000;

    @Test
    void sharedExpressionGivesEachThreadItsOwnResult() throws Exception {
        Expression expression = new ExpressionParser().parse("payload * 3 + headers['offset']");
        ExpressionSelector selector = new ExpressionSelector(new ExpressionParser().parse("payload % 2 == 0"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 1_000_000;
                Callable<Integer> worker = () -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < EVALUATIONS; i++) {
                        Message<Integer> message = MessageBuilder.withPayload(i).setHeader("offset", offset).build();
                        if (expression.evaluate(message, Long.class) != i * 3L + offset
                                || selector.accept(message) != (i % 2 == 0)) {
                            wrong++;
                        }
                    }
                    return wrong;
                };
                mismatches.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Integer> result : mismatches) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

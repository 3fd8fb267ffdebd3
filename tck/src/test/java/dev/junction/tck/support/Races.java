package dev.junction.tck.support;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Concurrent senders for the tests that one key is handled once however many threads send it at the same moment. */
public final class Races {

    private Races() {
    }

    /**
     * Sends {@code <prefix>0} to {@code <prefix><keys - 1>} from each of {@code threads} threads, the threads meeting at
     * a barrier before each key so that they send it at once; returns when every thread has sent every key.
     *
     * @throws Exception the first failure of a sender
     */
    public static void sendEachKeyFromEveryThread(MessageChannel channel, int threads, int keys, String prefix)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < keys; k++) {
                        barrier.await(1, TimeUnit.MINUTES);
                        channel.send(Message.of(prefix + k));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

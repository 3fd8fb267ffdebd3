package dev.junction.tcp.connection;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The selector loops of an NIO factory, {@link TcpConnectionOptions#selectors()} of them, and the turn in which new
 * connections are given to them: a connection stays with the loop it was given for its life.
 */
final class SelectorLoops {

    private final SelectorLoop[] loops;
    private final AtomicInteger turn = new AtomicInteger();

    private SelectorLoops(SelectorLoop[] loops) {
        this.loops = loops;
    }

    /** Opens the selectors; none runs until {@link #start()}. */
    static SelectorLoops open(String owner, TaskTracker tracker, TcpConnectionOptions options) throws IOException {
        SelectorLoop[] loops = new SelectorLoop[options.selectors()];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new SelectorLoop(owner, tracker, options);
            }
        } catch (IOException | RuntimeException e) {
            new SelectorLoops(loops).close();
            throw e;
        }
        return new SelectorLoops(loops);
    }

    /** @return the loop that watches the listening channel */
    SelectorLoop first() {
        return loops[0];
    }

    /** @return the loop for the next new connection */
    SelectorLoop next() {
        return loops.length == 1 ? loops[0] : loops[Math.floorMod(turn.getAndIncrement(), loops.length)];
    }

    void start() {
        for (SelectorLoop loop : loops) {
            loop.start();
        }
    }

    /** Makes every loop end soon; does not wait for them. */
    void stop() {
        for (SelectorLoop loop : loops) {
            loop.stop();
        }
    }

    /** Closes every selector opened so far. */
    void close() {
        for (SelectorLoop loop : loops) {
            if (loop != null) {
                loop.close();
            }
        }
    }
}

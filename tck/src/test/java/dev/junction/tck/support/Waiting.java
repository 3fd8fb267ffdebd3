package dev.junction.tck.support;

import java.time.Duration;

/** How long tests wait for something that happens on another thread: generous, since CI machines are slow. */
public final class Waiting {

    /** The bound of every wait for a condition or a message; reaching it means the behaviour is missing. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Waiting() {
    }
}

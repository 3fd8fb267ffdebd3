package dev.junction.tcp.gateway;

import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.tcp.connection.TcpConnectionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What every declaration checks first: the runtime it is made on, and its durations. */
final class Runtimes {

    private Runtimes() {
    }

    /**
     * @param what names the endpoint being declared, for the problem
     * @return the runtime, or {@code null} after adding a problem when the junction is another implementation
     */
    static JunctionRuntime runtime(Junction junction, String what, List<String> problems) {
        Objects.requireNonNull(junction, "junction");
        if (junction instanceof JunctionRuntime runtime) {
            return runtime;
        }
        problems.add(TcpRule.NOT_JUNCTION_RUNTIME.problem(what + " is declared on a " + junction.getClass().getName()
                + ", which is not Junction's own runtime; build the runtime with Junction.create() or"
                + " Junction.builder() with junction-impl on the class path"));
        return null;
    }

    /** Adds a problem when the timeout is negative. */
    static void checkTimeout(String owner, String name, Duration timeout, List<String> problems) {
        if (timeout.isNegative()) {
            problems.add(TcpRule.INVALID_TIMEOUT.problem(owner + ": " + name + " must be zero or more, was "
                    + timeout));
        }
    }

    /**
     * Passes every event of the factory to the runtime, which hands it to its event sink: under CDI, a CDI event
     * ({@code @Observes TcpConnectionEvent}). Added after the endpoint's own listeners, so an observer sees the
     * endpoint already up to date with the event.
     */
    static void publishEvents(JunctionRuntime runtime, TcpConnectionFactory factory) {
        factory.addEventListener(runtime::publishEvent);
    }
}

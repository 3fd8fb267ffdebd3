package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the cafe prints: one line per thing that happens, with who did it and on which thread. This is the program's
 * output, not diagnostics (those go through {@code System.Logger}); the lines are also kept so that tests can read
 * what was said.
 */
@ApplicationScoped
public class Transcript {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final PrintStream out = System.out;

    /**
     * Prints a line.
     *
     * @param who the role speaking (cashier, router, hot barista, ...)
     * @param text what happened
     */
    public void say(String who, String text) {
        String line = String.format("%-12s| %-62s [%s]", who, text, threadName());
        lines.add(line);
        out.println(line);
    }

    private static String threadName() {
        String name = Thread.currentThread().getName();
        // exec:java runs the program on a thread named after the main class; it is the main thread all the same
        return name.endsWith(".main()") ? "main" : name;
    }

    /** Prints a line as it is: headings and table rows. */
    public void print(String text) {
        lines.add(text);
        out.println(text);
    }

    /** @return every line printed so far, in order */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}

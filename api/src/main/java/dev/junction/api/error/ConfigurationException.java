package dev.junction.api.error;

import java.util.List;

/**
 * A configuration that cannot run: thrown when a runtime, a flow or a gateway is built, never while messages flow.
 * It lists every problem found in one go, each starting with its stable code ({@code JNC-nnnn}) and naming the
 * channel, endpoint, class or method at fault and the fix, so that one run shows every mistake.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems the coded problems, at least one */
    public ConfigurationException(List<String> problems) {
        this(describe(problems), problems);
    }

    /**
     * @param message  the whole description, for subtypes that introduce the problems in their own words
     * @param problems the coded problems, at least one
     */
    protected ConfigurationException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, each starting with its code */
    public List<String> getProblems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A configuration exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid configuration: " + problems.get(0);
        }
        return "Invalid configuration, " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
    }
}

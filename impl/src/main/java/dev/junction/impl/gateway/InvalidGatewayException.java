package dev.junction.impl.gateway;

import java.util.List;

/**
 * A gateway interface or its configuration is invalid. Raised when the gateway is created, never during a
 * call, and lists every problem found at once: each entry starts with a stable code ({@code JNC-04xx}), names
 * the method (or the gateway's defaults) at fault, and says which rule it breaks and what to change.
 */
public class InvalidGatewayException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidGatewayException(String gatewayInterface, List<String> problems) {
        super(describe(gatewayInterface, problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem, in the order they were found */
    public List<String> getProblems() {
        return problems;
    }

    private static String describe(String gatewayInterface, List<String> problems) {
        StringBuilder text = new StringBuilder("Gateway interface ").append(gatewayInterface).append(" is invalid (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}

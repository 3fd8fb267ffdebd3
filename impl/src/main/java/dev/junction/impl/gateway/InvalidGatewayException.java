package dev.junction.impl.gateway;

import dev.junction.api.error.ConfigurationException;
import java.util.List;

/**
 * A gateway interface or its configuration is invalid. Raised when the gateway is created, never during a
 * call, and lists every problem found at once: each entry starts with a stable code ({@code JNC-04xx}), names
 * the method (or the gateway's defaults) at fault, and says which rule it breaks and what to change.
 */
public class InvalidGatewayException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    InvalidGatewayException(String gatewayInterface, List<String> problems) {
        super(describe(gatewayInterface, problems), problems);
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

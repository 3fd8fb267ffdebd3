package dev.junction.tcp.adapter;

import jakarta.resource.spi.InvalidPropertyException;

/**
 * The coded rules of the adapter's configuration, checked when the server starts the adapter, creates a managed
 * connection or activates an endpoint. Each problem names the bean, the property and the value, then the rule, so
 * that a failed deployment says what to change in the deployment descriptor, the CLI script or the annotation.
 */
enum AdapterRule {
    UNKNOWN_SERIALIZER("JNC-1100", "serializer is one of " + Serializers.NAMES),
    INVALID_PORT("JNC-1101", "a port is between 1 and 65535 (a server may also take 0: an ephemeral port)"),
    NO_HOST("JNC-1102", "a connection definition names the host it connects to"),
    OUT_OF_RANGE("JNC-1103", "sizes are at least 1 and timeouts at least 1 ms, except where 0 means none"),
    INVALID_ADDRESS("JNC-1104", "bindAddress is an IP address literal, such as 127.0.0.1 or ::1"),
    NOT_A_REQUEST_LISTENER("JNC-1105", "an endpoint activated through TcpActivationSpec implements "
            + TcpRequestListener.class.getName()),
    NO_SEND_LIMIT("JNC-1106", "sendTimeout is from 1 ms to 2147483647 ms, unset for the default of 10 s: in a server"
            + " a write without a limit would hold a server thread for ever when the peer stops reading");

    private final String code;
    private final String rule;

    AdapterRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }

    /** @return a Connectors exception for the property, whose message is the problem's text */
    InvalidPropertyException invalid(String bean, String property, Object value) {
        return new InvalidPropertyException(problem(bean + " property " + property + " is invalid: " + value));
    }
}

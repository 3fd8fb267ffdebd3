package dev.junction.tcp.gateway;

/**
 * The coded rules of TCP endpoints, checked when one is declared; each problem names the endpoint and the fix
 * after the rule. Every problem found is reported together in one
 * {@link dev.junction.api.error.ConfigurationException}, and nothing is registered or started.
 */
enum TcpRule {
    NO_REQUEST_CHANNEL("JNC-0700", "an inbound endpoint sends what it receives to a channel"),
    SINGLE_USE_CLIENT_MODE("JNC-0701", "client mode keeps one connection open, so its client factory is not"
            + " single-use"),
    UNKNOWN_CHANNEL("JNC-0702", "an error, unsolicited or output channel a TCP endpoint names is declared before"
            + " it"),
    INVALID_TIMEOUT("JNC-0703", "timeouts are zero or more, the retry interval positive"),
    NOT_JUNCTION_RUNTIME("JNC-0704", "TCP endpoints are declared on the runtime of junction-impl"),
    CLOSE_STREAM_NEEDS_SINGLE_USE("JNC-0705", "closing the stream after sending ends a connection's output, so it"
            + " needs single-use connections"),
    INVALID_REMOTE_TIMEOUT("JNC-0706", "a remote timeout expression is valid Jakarta EL"),
    CLIENT_MODE_NEEDS_CLIENT_FACTORY("JNC-0707", "client mode connects out, through a client factory");

    private final String code;
    private final String rule;

    TcpRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }
}

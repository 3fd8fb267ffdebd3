package dev.junction.jaxrs.client;

/**
 * The coded rules of HTTP outbound gateways and adapters ({@code JNC-0814} on); each problem names the gateway at
 * fault and the fix after the rule. A declaration is checked as a whole when it is built.
 */
enum OutboundRule {
    INVALID_URI_TEMPLATE("JNC-0814", "the URI template is an absolute http or https URI whose {variables} are"
            + " well formed and each given an expression"),
    INVALID_EXPRESSION("JNC-0815", "the expressions of a gateway (URI variables, method, headers) are valid"
            + " Jakarta EL"),
    INVALID_METHOD("JNC-0816", "a fixed HTTP method is one token of letters, such as GET or POST"),
    INVALID_TIMEOUT("JNC-0817", "the connect timeout is positive and shorter than the read timeout, the send"
            + " timeout zero or more"),
    INVALID_POOL("JNC-0818", "a gateway allows at least one connection at a time"),
    FORBIDDEN_HEADER("JNC-0819", "hop-by-hop headers and those the HTTP client sets itself (Host, Content-Length,"
            + " Expect) are never set from messages; a header pattern is a name or a prefix ending in '*'"),
    UNKNOWN_CHANNEL("JNC-0820", "a channel a gateway names must be registered with the runtime"),
    NOT_JUNCTION_RUNTIME("JNC-0821", "HTTP outbound gateways run on junction-impl's runtime");

    private final String code;
    private final String rule;

    OutboundRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }
}

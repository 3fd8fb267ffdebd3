package dev.junction.jaxrs;

/**
 * The coded rules of HTTP inbound gateways ({@code JNC-08xx}); each problem names the gateway at fault and the fix
 * after the rule. A gateway's declaration is checked as a whole when it is built, so one run shows every mistake.
 */
enum HttpRule {
    INVALID_PATH("JNC-0801", "a path template starts with '/' and has well-formed, uniquely named {variables}"),
    INVALID_METHOD("JNC-0802", "a gateway serves at least one of GET, POST, PUT, DELETE and PATCH"),
    NO_REQUEST_CHANNEL("JNC-0803", "a gateway sends its requests to a request channel"),
    UNKNOWN_CHANNEL("JNC-0804", "a channel a gateway names must be registered with the runtime"),
    INVALID_TIMEOUT("JNC-0805", "a timeout is zero or more"),
    INVALID_BODY_LIMIT("JNC-0806", "the body size limit is zero or more bytes"),
    INVALID_MEDIA_TYPE("JNC-0807", "consumes and produces name valid media types"),
    INVALID_HEADER_PATTERN("JNC-0808", "a header pattern is a name or a prefix ending in '*', never hop-by-hop"),
    DUPLICATE_ROUTE("JNC-0809", "one path template and method are served by one gateway"),
    DUPLICATE_ID("JNC-0810", "endpoint ids are unique within a runtime"),
    REPLY_SETTING_ON_ADAPTER("JNC-0811", "a one-way adapter answers 202 and has no reply settings"),
    POLLABLE_REPLY_CHANNEL("JNC-0812", "a gateway's reply channel is subscribable"),
    NOT_JUNCTION_RUNTIME("JNC-0813", "HTTP gateways run on junction-impl's runtime");

    private final String code;
    private final String rule;

    HttpRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }

    String code() {
        return code;
    }
}

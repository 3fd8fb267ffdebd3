package dev.junction.impl.gateway;

/**
 * The rules a gateway interface must follow, each with the stable code its violations are reported under.
 * Codes never change meaning; new rules get new codes.
 */
enum GatewayRule {

    NOT_AN_INTERFACE("JNC-0400", "a gateway is created for an interface"),
    TWO_PAYLOAD_PARAMETERS("JNC-0401", "at most one parameter may be annotated @Payload"),
    PAYLOAD_AND_HEADER("JNC-0402", "a parameter cannot be both @Payload and @Header"),
    PAYLOAD_AND_HEADERS("JNC-0403", "a parameter cannot be both @Payload and @Headers"),
    HEADER_AND_HEADERS("JNC-0404", "a parameter cannot be both @Header and @Headers"),
    HEADERS_NOT_A_MAP("JNC-0405", "a @Headers parameter must be a java.util.Map"),
    TWO_UNANNOTATED_MAPS("JNC-0406", "at most one Map parameter may be left unannotated"),
    AMBIGUOUS_PAYLOAD("JNC-0407", "only one unannotated parameter can be the payload"),
    PAYLOAD_DEFINED_TWICE("JNC-0408", "the payload is defined in one place only"),
    NO_PAYLOAD("JNC-0409", "a method that sends must have a payload"),
    NOTHING_TO_SEND_OR_RECEIVE("JNC-0410", "a void method without parameters needs a payload expression"),
    HEADER_NAME_MISSING("JNC-0411", "a @Header parameter needs a header name"),
    RESERVED_HEADER("JNC-0412", "the headers id and timestamp cannot be set"),
    INVALID_GATEWAY_HEADER("JNC-0413", "a @GatewayHeader has a name and exactly one of value and expression"),
    INVALID_EXPRESSION("JNC-0414", "expressions must be valid Jakarta EL"),
    MAPPER_CONFLICT("JNC-0415", "a custom argument mapper cannot be combined with payload or header settings"),
    NO_REQUEST_CHANNEL("JNC-0416", "a method that sends needs a request channel"),
    UNKNOWN_CHANNEL("JNC-0417", "channel names must resolve to channels"),
    RECEIVE_NEEDS_POLLABLE_CHANNEL("JNC-0418", "a method without parameters and payload receives from a pollable reply channel"),
    REPLY_CHANNEL_NOT_SUBSCRIBABLE("JNC-0419", "a method that sends and waits for a reply needs a subscribable reply channel, or none"),
    INVALID_TIMEOUT("JNC-0420", "a timeout is UNBOUNDED (-1), 0 or more milliseconds"),
    GATEWAY_ON_DEFAULT_METHOD("JNC-0421", "default methods run as written and take no @Gateway or @Payload"),
    UNKNOWN_EXECUTOR("JNC-0422", "the async executor name must resolve to an executor"),
    DUPLICATE_HEADER("JNC-0423", "a header is defined once per level");

    private final String code;
    private final String rule;

    GatewayRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the stable code, e.g. {@code JNC-0401} */
    String code() {
        return code;
    }

    /** @return the rule in a few words */
    String rule() {
        return rule;
    }
}

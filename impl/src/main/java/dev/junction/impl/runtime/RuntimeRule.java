package dev.junction.impl.runtime;

/**
 * The coded rules of a runtime and its flows; each problem names the flow, step or channel at fault and the fix
 * after the rule. The flows are checked before anything starts; invalid builder arguments and misuses of the flow
 * builder ({@link #INVALID_DRAIN_TIMEOUT} on) fail at once, where they are written.
 */
enum RuntimeRule {
    DUPLICATE_CHANNEL("JNC-0600", "channel names are unique within a runtime"),
    INVALID_POLLER("JNC-0601", "a poller sets exactly one trigger and valid options"),
    DUPLICATE_ENDPOINT_ID("JNC-0602", "endpoint ids are unique within a runtime"),
    INVALID_STEP("JNC-0603", "a step's method or expression must be usable"),
    POLLER_MISMATCH("JNC-0604", "a pollable input is polled and a subscribable one is not"),
    UNKNOWN_CHANNEL("JNC-0605", "a channel a step names must be declared"),
    EMPTY_FLOW("JNC-0606", "a flow has at least one step"),
    INVALID_DEFAULT_POLLER("JNC-0607", "the default poller must be valid"),
    INVALID_DRAIN_TIMEOUT("JNC-0608", "the drain timeout is zero or more"),
    NO_SCHEDULER_THREAD("JNC-0609", "the scheduler has at least one thread"),
    ID_WITHOUT_STEP("JNC-0610", "id() names the step written just before it"),
    STEP_NAMED_TWICE("JNC-0611", "a step is named once"),
    POLL_TWICE("JNC-0612", "poll() comes once, before the step it polls for"),
    STEP_AFTER_ROUTE("JNC-0613", "a flow ends at its router"),
    FLOW_AFTER_START("JNC-0614", "flows are declared before start()");

    private final String code;
    private final String rule;

    RuntimeRule(String code, String rule) {
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

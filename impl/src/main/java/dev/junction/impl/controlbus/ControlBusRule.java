package dev.junction.impl.controlbus;

/** The coded rules of the control bus: refusals of commands (at run time) and mistakes in building one. */
enum ControlBusRule {
    NOT_A_COMMAND("JNC-1060", "a command is @component.operation(literal arguments) or the header form"),
    UNKNOWN_COMPONENT("JNC-1061", "a command names a managed component"),
    NOT_MANAGED("JNC-1062", "only operations marked @ManagedOperation are invoked"),
    ARGUMENTS_MISMATCH("JNC-1063", "a command's arguments fit the operation's parameters"),
    ROLE_REQUIRED("JNC-1064", "the caller has one of the operation's allowed roles"),
    INVALID_COMPONENT("JNC-1065", "a managed component has a unique name and at least one managed operation");

    private final String code;
    private final String rule;

    ControlBusRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }
}

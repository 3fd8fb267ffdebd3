package dev.junction.impl.scripting;

/** The coded rules of scripted endpoints; each problem names the script and the fix after the rule. */
enum ScriptRule {
    NO_ENGINE("JNC-1052", "a script's language has a JSR 223 engine on the class path"),
    UNREADABLE("JNC-1053", "a script's location can be read"),
    DOES_NOT_COMPILE("JNC-1054", "a script compiles"),
    CUSTOMIZER_MISMATCH("JNC-1055", "an engine customizer expects the language's engine type");

    private final String code;
    private final String rule;

    ScriptRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }
}

package dev.junction.impl.delayer;

/** The coded rules of delayers; each problem names the delayer, what is wrong and the fix. */
enum DelayerRule {
    NEGATIVE_DEFAULT_DELAY("JNC-0920"),
    INVALID_EXPRESSION("JNC-0921"),
    INVALID_RETRY_BACK_OFF("JNC-0922"),
    STORE_WITHOUT_ID("JNC-0923"),
    UNKNOWN_ERROR_CHANNEL("JNC-0924"),
    DELAY_NOT_COMPUTED("JNC-0925"),
    RELEASE_FAILED("JNC-0926"),
    RESCHEDULE_FAILED("JNC-0927"),
    NOT_RELEASING("JNC-0928");

    private final String code;

    DelayerRule(String code) {
        this.code = code;
    }

    /** @return the text of a problem: the code, then what is wrong and the fix */
    String problem(String what) {
        return code + " " + what;
    }
}

package dev.junction.jaxrs.cdi;

/**
 * The coded rules of the HTTP annotations that the builder does not check itself; the builder's own problems
 * ({@code JNC-0801} to {@code JNC-0813}) keep their codes.
 */
enum AnnotationRule {
    NOT_A_BEAN("JNC-0822", "@HttpInboundGateway and @HttpInboundAdapter declare gateways on CDI beans only");

    private final String code;
    private final String rule;

    AnnotationRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }
}

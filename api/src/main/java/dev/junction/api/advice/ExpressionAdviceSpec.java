package dev.junction.api.advice;

import java.util.Objects;

/**
 * Builds an advice evaluating an expression after the endpoint's handling succeeded, another after it failed, and
 * sending their values on: a typical use is moving a file to one folder after a transfer and to another after a
 * failure. The expressions see the message handled ({@code payload}, {@code headers}, {@code message}); the success
 * expression also its {@code result} (the reply, or {@code null}), the failure expression the {@code exception}.
 *
 * <ul>
 * <li>After a success, the value of the success expression goes to the success channel, if any, as an
 * {@link AdviceMessage} whose payload is the value and whose {@link AdviceMessage#getInputMessage() input message}
 * is the message handled. The endpoint's result is unchanged.
 * <li>After a failure, the value of the failure expression goes to the failure channel, if any, in an
 * {@link dev.junction.api.message.ErrorMessage} whose payload is an {@link ExpressionAdviceException} (the failure,
 * the message, the value). The failure is then thrown to the caller, unless {@link #trapException(boolean)}; a
 * trapped failure makes the endpoint produce no reply, or the failure expression's value with
 * {@link #returnFailureExpressionResult(boolean)}.
 * </ul>
 *
 * <p>An expression that itself fails to evaluate fails the message (its failure carries the handling's failure as a
 * suppressed exception, when there was one).
 */
public final class ExpressionAdviceSpec {

    private String onSuccess;
    private String successChannel;
    private String onFailure;
    private String failureChannel;
    private boolean trapException;
    private boolean returnFailureExpressionResult;

    ExpressionAdviceSpec() {
    }

    /** @param expression evaluated after a success ({@code 'moved ' + payload}) */
    public ExpressionAdviceSpec onSuccess(String expression) {
        this.onSuccess = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /** @param channelName receives the success expression's value */
    public ExpressionAdviceSpec successChannel(String channelName) {
        this.successChannel = Objects.requireNonNull(channelName, "channelName");
        return this;
    }

    /** @param expression evaluated after a failure ({@code exception.message}) */
    public ExpressionAdviceSpec onFailure(String expression) {
        this.onFailure = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /** @param channelName receives the failure expression's value (in an error message) */
    public ExpressionAdviceSpec failureChannel(String channelName) {
        this.failureChannel = Objects.requireNonNull(channelName, "channelName");
        return this;
    }

    /** @param trap whether a failure stops here (default {@code false}: it is thrown on after the expression) */
    public ExpressionAdviceSpec trapException(boolean trap) {
        this.trapException = trap;
        return this;
    }

    /** @param returnIt whether a trapped failure's result is the failure expression's value (default: no reply) */
    public ExpressionAdviceSpec returnFailureExpressionResult(boolean returnIt) {
        this.returnFailureExpressionResult = returnIt;
        return this;
    }

    /**
     * @return the advice; its expressions are parsed and its channels resolved when an endpoint is built with it
     * @throws IllegalStateException JNC-1008 when it would do nothing (no expression), names a channel without its
     *         expression, or returns the failure expression's value without one or without trapping the failure
     */
    public HandlerAdvice build() {
        if (onSuccess == null && onFailure == null) {
            throw invalid("give an expression to evaluate after a success (onSuccess), after a failure"
                    + " (onFailure), or both");
        }
        if (successChannel != null && onSuccess == null) {
            throw invalid("the success channel '" + successChannel + "' would receive nothing: add onSuccess");
        }
        if (failureChannel != null && onFailure == null) {
            throw invalid("the failure channel '" + failureChannel + "' would receive nothing: add onFailure");
        }
        if (returnFailureExpressionResult && (onFailure == null || !trapException)) {
            throw invalid("returnFailureExpressionResult returns the value of onFailure for a trapped failure:"
                    + " give onFailure and trapException(true)");
        }
        return Advices.provider().expressions(this);
    }

    /** @return the success expression, or {@code null} */
    public String getOnSuccess() {
        return onSuccess;
    }

    /** @return the success channel's name, or {@code null} */
    public String getSuccessChannel() {
        return successChannel;
    }

    /** @return the failure expression, or {@code null} */
    public String getOnFailure() {
        return onFailure;
    }

    /** @return the failure channel's name, or {@code null} */
    public String getFailureChannel() {
        return failureChannel;
    }

    public boolean isTrapException() {
        return trapException;
    }

    public boolean isReturnFailureExpressionResult() {
        return returnFailureExpressionResult;
    }

    private static IllegalStateException invalid(String what) {
        return new IllegalStateException("JNC-1008 Expression advice: " + what);
    }
}

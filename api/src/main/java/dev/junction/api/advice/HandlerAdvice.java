package dev.junction.api.advice;

import dev.junction.api.message.Message;

/**
 * Behaviour around one endpoint's own handling of a message — a retry, a circuit breaker, a transaction, an audit —
 * and never around the flow after it: the reply (or the message an outbound adapter sends) leaves the endpoint
 * after the advice chain returned. The advices of an endpoint's chain nest in their declared order, the first one
 * outermost.
 *
 * <p>This is also the type to implement for an advice of one's own. {@link Execution#proceed()} runs the rest of the
 * chain and the handling; it may be called several times (a retry calls it once per attempt), or not at all (the
 * advice then decides the result itself):
 *
 * <pre>{@code
 * HandlerAdvice timing = execution -> {
 *     long start = System.nanoTime();
 *     try {
 *         return execution.proceed();
 *     } finally {
 *         metrics.record(execution.endpointId(), System.nanoTime() - start);
 *     }
 * };
 * }</pre>
 *
 * <p>An advice may be shared by several endpoints, and called by several threads at once: keep state per endpoint
 * ({@link Execution#endpointId()}) and thread-safe. The result an advice returns is the endpoint's result: a reply
 * for a reply-producing endpoint ({@code null}: no reply); for a filter, the message it passes on or {@code null};
 * ignored for an outbound channel adapter.
 */
@FunctionalInterface
public interface HandlerAdvice {

    /**
     * @param execution the advised handling of one message
     * @return the endpoint's result, normally what {@link Execution#proceed()} returned
     * @throws Exception the handling's failure, or one of the advice's own; a checked exception reaches the caller
     *         wrapped in a {@link dev.junction.api.error.MessageHandlingException} carrying the message
     */
    Object around(Execution execution) throws Exception;

    /**
     * Called once for each endpoint given this advice, when the endpoint is built and before it handles a message:
     * an advice keeping state per endpoint, or preparing something (parsing an expression, finding a channel), returns
     * the advice serving that endpoint. The default serves every endpoint with this advice itself.
     *
     * @param target the endpoint
     * @return the advice for it
     * @throws IllegalStateException a coded configuration problem, reported with the endpoint's other problems
     */
    default HandlerAdvice forEndpoint(Target target) {
        return this;
    }

    /** The endpoint an advice is given to. */
    interface Target {

        /** @return the endpoint's id */
        String endpointId();
    }

    /** One message's handling by an endpoint, as an advice sees it. */
    interface Execution {

        /** @return the message the endpoint handles */
        Message<?> message();

        /** @return the id of the advised endpoint */
        String endpointId();

        /**
         * Runs the advices after this one and the endpoint's handling. Each call runs them again from this point:
         * calling it once per attempt is how a retry re-executes the handling.
         *
         * @return the handling's result
         * @throws Exception what the handling (or an inner advice) threw
         */
        Object proceed() throws Exception;

        /**
         * Runs the advices after this one and the endpoint's handling with another message in place of
         * {@link #message()}: one the advice derived from it, typically with a header added (an idempotent receiver
         * marks a duplicate). The reply is still built from the headers of the message the endpoint received.
         *
         * @param message the message the inner advices and the handling see
         * @return the handling's result
         * @throws Exception what the handling (or an inner advice) threw
         */
        Object proceed(Message<?> message) throws Exception;
    }
}

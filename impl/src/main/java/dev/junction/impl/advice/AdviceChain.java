package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.impl.handler.MessageProcessor;
import java.util.List;
import java.util.Objects;

/**
 * The advices of one endpoint, bound to it, nested around its handling in their declared order (the first
 * outermost). Endpoints without advices have no chain at all, so their handling costs nothing more.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdviceChain {

    private final String endpointId;
    private final HandlerAdvice[] advices;

    private AdviceChain(String endpointId, HandlerAdvice[] advices) {
        this.endpointId = endpointId;
        this.advices = advices;
    }

    /**
     * @param advices the chain, outermost first
     * @return the chain bound to the endpoint, or {@code null} when {@code advices} is empty
     * @throws IllegalStateException a coded problem of an advice (an unknown channel, an invalid expression)
     */
    public static AdviceChain of(List<? extends HandlerAdvice> advices, AdviceContext context) {
        Objects.requireNonNull(context, "context");
        if (advices.isEmpty()) {
            return null;
        }
        HandlerAdvice[] bound = new HandlerAdvice[advices.size()];
        for (int i = 0; i < bound.length; i++) {
            HandlerAdvice advice = Objects.requireNonNull(advices.get(i), "advice");
            bound[i] = Objects.requireNonNull(advice.forEndpoint(context), () -> advice + " served no advice for"
                    + " endpoint '" + context.endpointId() + "'");
        }
        return new AdviceChain(context.endpointId(), bound);
    }

    /**
     * Runs the handling of the message inside the chain.
     *
     * @return the result of the outermost advice
     * @throws RuntimeException what the chain threw; a checked exception wrapped in a
     *         {@link MessageHandlingException} carrying the message
     */
    public Object invoke(Message<?> message, MessageProcessor<?> handling) {
        try {
            return new Step(message, handling, 0).proceed();
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception checked) {
            throw new MessageHandlingException(message, "An advice of endpoint '" + endpointId + "' failed: "
                    + checked, checked);
        }
    }

    /** @return how many advices the chain holds */
    public int size() {
        return advices.length;
    }

    @Override
    public String toString() {
        return "AdviceChain[" + endpointId + ", " + advices.length + " advices]";
    }

    /** The chain from one advice inward; every {@link #proceed()} builds the inner steps afresh. */
    private final class Step implements HandlerAdvice.Execution {
        private final Message<?> message;
        private final MessageProcessor<?> handling;
        private final int index;

        Step(Message<?> message, MessageProcessor<?> handling, int index) {
            this.message = message;
            this.handling = handling;
            this.index = index;
        }

        @Override
        public Message<?> message() {
            return message;
        }

        @Override
        public String endpointId() {
            return endpointId;
        }

        @Override
        public Object proceed() throws Exception {
            return proceed(message);
        }

        @Override
        public Object proceed(Message<?> advised) throws Exception {
            Objects.requireNonNull(advised, "message");
            if (index == advices.length) {
                return handling.process(advised);
            }
            return advices[index].around(new Step(advised, handling, index + 1));
        }
    }
}

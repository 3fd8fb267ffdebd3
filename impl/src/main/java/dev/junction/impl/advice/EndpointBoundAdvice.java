package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;

/**
 * An advice that prepares itself for each endpoint it advises (parses its expressions, resolves its channels, makes
 * the endpoint's state) before the endpoint handles any message. The advice given by the user is shared; what
 * {@link #bindTo} returns serves one endpoint.
 */
public interface EndpointBoundAdvice extends HandlerAdvice {

    /**
     * @return the advice for that endpoint
     * @throws IllegalStateException a coded configuration problem (an unknown channel, an invalid expression)
     */
    HandlerAdvice bindTo(AdviceContext context);

    @Override
    default Object around(Execution execution) throws Exception {
        throw new IllegalStateException(getClass().getSimpleName() + " advises endpoints it is bound to; give it to"
                + " an endpoint's advice chain");
    }
}

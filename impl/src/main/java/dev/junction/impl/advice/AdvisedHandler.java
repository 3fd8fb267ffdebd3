package dev.junction.impl.advice;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import dev.junction.api.message.Message;
import java.util.Objects;

/**
 * A handler that produces no reply (an outbound channel adapter) inside an advice chain: all it does is its own
 * handling, so the whole call is advised. Reply-producing handlers are advised around their handling only, before
 * the reply is sent, and never wrapped by this class.
 */
public final class AdvisedHandler implements MessageHandler, Ordered {

    private final MessageHandler handler;
    private final AdviceChain chain;

    /**
     * @param chain the advices; {@code null} returns the handler as it is
     * @return the handler inside the chain
     */
    public static MessageHandler wrap(MessageHandler handler, AdviceChain chain) {
        Objects.requireNonNull(handler, "handler");
        return chain == null ? handler : new AdvisedHandler(handler, chain);
    }

    private AdvisedHandler(MessageHandler handler, AdviceChain chain) {
        this.handler = handler;
        this.chain = chain;
    }

    @Override
    public void handleMessage(Message<?> message) {
        chain.invoke(message, advised -> {
            handler.handleMessage(advised);
            return null;
        });
    }

    @Override
    public int getOrder() {
        return handler instanceof Ordered ordered ? ordered.getOrder() : Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return handler + " advised by " + chain;
    }
}

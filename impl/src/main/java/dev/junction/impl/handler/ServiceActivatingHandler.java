package dev.junction.impl.handler;

import dev.junction.api.message.Message;
import java.util.Objects;

/**
 * The service activator: hands each message to a processor (a bean method, an expression) and sends a
 * non-null result on as the reply. A {@code null} result ends the flow quietly unless a reply is required.
 */
public final class ServiceActivatingHandler extends AbstractReplyProducingHandler {

    private final MessageProcessor<?> processor;

    public ServiceActivatingHandler(MessageProcessor<?> processor, ReplyProducerSettings settings) {
        super(settings);
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        return processor.process(request);
    }

    /** @return what computes the replies */
    public MessageProcessor<?> getProcessor() {
        return processor;
    }
}

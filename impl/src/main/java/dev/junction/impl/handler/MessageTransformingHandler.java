package dev.junction.impl.handler;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import java.util.Objects;

/**
 * A transformer: replaces each message by what the processor makes of it (a new payload keeps the request's
 * headers; a whole message is used as it is, completed with the request's missing headers). A transformer must
 * produce something: a {@code null} result is an error.
 */
public final class MessageTransformingHandler extends AbstractReplyProducingHandler {

    private final MessageProcessor<?> processor;

    public MessageTransformingHandler(MessageProcessor<?> processor, ReplyProducerSettings settings) {
        super(settings.requiresReply(true));
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        Object result = processor.process(request);
        if (result == null) {
            throw new MessageHandlingException(request, getComponentName()
                    + ": the transformer returned null; a transformer must always produce a message");
        }
        return result;
    }
}

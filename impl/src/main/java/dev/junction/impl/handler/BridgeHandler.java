package dev.junction.impl.handler;

import dev.junction.api.message.Message;

/**
 * The messaging bridge's handler: passes each message on unchanged, to the output channel or, without one, to
 * the message's {@code replyChannel} header.
 */
public final class BridgeHandler extends AbstractReplyProducingHandler {

    public BridgeHandler(ReplyProducerSettings settings) {
        super(settings);
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        return request;
    }
}

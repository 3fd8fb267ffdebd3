package dev.junction.impl.runtime;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;

/** Logs each message as it is sent to a channel; the message goes on unchanged. */
final class LoggingTap implements ChannelInterceptor {

    private final MessageHandler logger;

    LoggingTap(MessageHandler logger) {
        this.logger = logger;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        logger.handleMessage(message);
        return message;
    }

    @Override
    public String toString() {
        return "log(" + logger + ")";
    }
}

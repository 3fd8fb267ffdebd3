package dev.junction.impl.endpoint;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;

/** An endpoint that feeds messages from an input channel to a handler. */
public interface ConsumerEndpoint extends Lifecycle {

    String getId();

    MessageChannel getInputChannel();

    MessageHandler getHandler();
}

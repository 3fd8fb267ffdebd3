package dev.junction.impl.interceptor;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import java.util.List;

/** Writes its label into a shared log on every preSend; identity equality, like most interceptors. */
final class RecordingInterceptor implements ChannelInterceptor {

    private final String label;
    private final List<String> log;

    RecordingInterceptor(String label, List<String> log) {
        this.label = label;
        this.log = log;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        log.add(label);
        return message;
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/** Passes all headers, as the immutable {@link dev.junction.api.message.MessageHeaders} map. */
final class HeadersArgument implements ArgumentResolver {

    static final HeadersArgument INSTANCE = new HeadersArgument();

    private HeadersArgument() {
    }

    @Override
    public Object resolve(Message<?> message) {
        return message.getHeaders();
    }
}

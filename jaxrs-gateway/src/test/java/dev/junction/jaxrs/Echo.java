package dev.junction.jaxrs;

import dev.junction.api.message.Message;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A service answering with what its request message carried: the payload, then the HTTP headers, sorted. */
public final class Echo {

    public String echo(Message<?> message) {
        Object payload = message.getPayload();
        String body = payload instanceof byte[] bytes ? "bytes:" + bytes.length : payload.getClass().getSimpleName()
                + ":" + payload;
        return body + "|" + new TreeMap<>(message.getHeaders()).entrySet().stream()
                .filter(header -> header.getKey().startsWith(HttpMessageHeaders.PREFIX)
                        || header.getKey().equals("contentType"))
                .map(Map.Entry::toString).collect(Collectors.joining(";"));
    }
}

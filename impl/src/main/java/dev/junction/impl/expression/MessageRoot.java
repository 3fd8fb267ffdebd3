package dev.junction.impl.expression;

import dev.junction.api.message.Message;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The names a message expression sees; a switch rather than a map, since it is built for every evaluation. */
record MessageRoot(Message<?> message) implements EvaluationRoot {

    static final String PAYLOAD = "payload";
    static final String HEADERS = "headers";
    static final String MESSAGE = "message";
    private static final List<String> NAMES = List.of(PAYLOAD, HEADERS, MESSAGE);

    MessageRoot {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean defines(String name) {
        return switch (name) {
            case PAYLOAD, HEADERS, MESSAGE -> true;
            default -> false;
        };
    }

    @Override
    public Object get(String name) {
        return switch (name) {
            case PAYLOAD -> message.getPayload();
            case HEADERS -> message.getHeaders();
            case MESSAGE -> message;
            default -> null;
        };
    }

    @Override
    public Collection<String> names() {
        return NAMES;
    }
}

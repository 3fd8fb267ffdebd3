package dev.junction.impl.invoke;

import dev.junction.api.message.Message;
import java.util.Optional;

/** Wraps what another resolver produces into an {@link Optional}, empty for {@code null}. */
final class OptionalArgument implements ArgumentResolver {

    private final ArgumentResolver value;

    OptionalArgument(ArgumentResolver value) {
        this.value = value;
    }

    @Override
    public Object resolve(Message<?> message) {
        return Optional.ofNullable(value.resolve(message));
    }
}

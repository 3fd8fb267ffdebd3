package dev.junction.impl.runtime;

import dev.junction.api.runtime.Junction;
import dev.junction.api.spi.JunctionProvider;

/** Makes {@link Junction#builder()} build a {@link JunctionRuntime}; registered through {@code ServiceLoader}. */
public final class JunctionRuntimeProvider implements JunctionProvider {

    @Override
    public Junction.Builder builder() {
        return JunctionRuntime.builder();
    }
}

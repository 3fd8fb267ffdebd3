package dev.junction.api.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannels;
import org.junit.jupiter.api.Test;

/** The api's own tests run without the runtime on the class path: what an application sees when it forgot it. */
class NoRuntimeTest {

    @Test
    void aRuntimeCannotBeBuiltAndSaysWhichDependencyIsMissing() {
        assertThatThrownBy(Junction::create).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JNC-0001").hasMessageContaining("dev.junction:junction-impl");
    }

    @Test
    void channelsCannotBeCreatedAndTheErrorIsTheSameEachTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> MessageChannels.queue("orders")).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("JNC-0002").hasMessageContaining("junction-impl");
        }
    }
}

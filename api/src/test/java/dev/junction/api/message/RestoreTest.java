package dev.junction.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreTest {

    @Test
    void aRestoredMessageKeepsItsIdTimestampAndHeaders() {
        Message<String> original = MessageBuilder.withPayload("order").setHeader("customer", "ada").build();

        Message<String> restored = MessageBuilder.restore(original.getPayload(), original.getHeaders().getId(),
                original.getHeaders().getTimestamp(), Map.of("customer", "ada", MessageHeaders.ID, "ignored"));

        assertThat(restored).isEqualTo(original);
        assertThat(restored.getHeaders().getId()).isEqualTo(original.getHeaders().getId());
        assertThat(restored.getHeaders().getTimestamp()).isEqualTo(original.getHeaders().getTimestamp());
        assertThat(restored.getHeaders()).containsEntry("customer", "ada").hasSize(3);
    }
}

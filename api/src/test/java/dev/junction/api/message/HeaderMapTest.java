package dev.junction.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The map a builder writes its headers into behaves as any map of the same entries, below and past the size where it
 * turns from a scanned array into a hash map, and a copy never writes through to the map it came from.
 */
class HeaderMapTest {

    @Test
    void itHoldsWhatAHashMapHoldsAtEverySize() {
        Map<String, Object> headers = HeaderMap.copyOf(Map.of());
        Map<String, Object> expected = new HashMap<>();
        for (int i = 0; i < 3 * HeaderMap.MOST_SCANNED; i++) {
            assertThat(headers.put("h" + i, i)).isNull();
            expected.put("h" + i, i);
            assertThat(headers.put("h" + (i / 2), "again " + i)).isEqualTo(expected.put("h" + (i / 2), "again " + i));
            assertThat(headers).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(expected.size());
            assertThat(headers.get("h" + i)).isEqualTo(expected.get("h" + i));
            assertThat(headers.containsKey("h" + i)).isTrue();
            assertThat(headers.get("absent")).isNull();
            assertThat(headers.containsKey("absent")).isFalse();
            Map<String, Object> visited = new HashMap<>();
            headers.forEach(visited::put);
            assertThat(visited).isEqualTo(expected);
        }
    }

    @Test
    void removingFillsTheGapAndKeepsEveryOtherEntry() {
        Map<String, Object> headers = HeaderMap.copyOf(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
        assertThat(headers.remove("b")).isEqualTo(2);
        assertThat(headers.remove("b")).isNull();
        assertThat(headers).isEqualTo(Map.of("a", 1, "c", 3, "d", 4));
        assertThat(headers.remove("d")).isEqualTo(4);
        assertThat(headers.remove("a")).isEqualTo(1);
        assertThat(headers.remove("c")).isEqualTo(3);
        assertThat(headers).isEmpty();
        headers.put("e", 5);
        assertThat(headers).isEqualTo(Map.of("e", 5));
    }

    @Test
    void aCopyIsIndependentOfItsSource() {
        Map<String, Object> source = HeaderMap.copyOf(Map.of("a", 1, "b", 2));
        Map<String, Object> copy = HeaderMap.copyOf(source);
        copy.put("a", "changed");
        copy.put("c", 3);
        copy.remove("b");
        assertThat(source).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(copy).isEqualTo(Map.of("a", "changed", "c", 3));

        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= HeaderMap.MOST_SCANNED + 1; i++) {
            many.put("h" + i, i);
        }
        Map<String, Object> large = HeaderMap.copyOf(many);
        large.put("extra", true);
        assertThat(many).doesNotContainKey("extra");
        Map<String, Object> largeCopy = HeaderMap.copyOf(large);
        largeCopy.remove("h0");
        assertThat(large).containsKey("h0");
    }

    @Test
    void messagesBuiltOnItKeepTheirHeadersWhenTheBuilderGoesOn() {
        MessageBuilder<String> builder = MessageBuilder.withPayload("p").setHeader("a", 1).setReplyChannel("r");
        Message<String> first = builder.build();
        Message<String> second = builder.setHeader("a", 2).removeHeader(MessageHeaders.REPLY_CHANNEL).build();

        assertThat(first.getHeaders()).containsEntry("a", 1).containsEntry(MessageHeaders.REPLY_CHANNEL, "r");
        assertThat(second.getHeaders()).containsEntry("a", 2).doesNotContainKey(MessageHeaders.REPLY_CHANNEL);
        Message<String> derived = MessageBuilder.fromMessage(first).setErrorChannel("e").build();
        assertThat(derived.getHeaders()).containsEntry("a", 1).containsEntry(MessageHeaders.REPLY_CHANNEL, "r")
                .containsEntry(MessageHeaders.ERROR_CHANNEL, "e").hasSize(5);
        assertThat(first.getHeaders()).doesNotContainKey(MessageHeaders.ERROR_CHANNEL);
    }
}

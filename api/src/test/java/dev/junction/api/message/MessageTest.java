package dev.junction.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void everyMessageHasAnIdAndATimestamp() {
        long before = System.currentTimeMillis();
        Message<String> message = Message.of("hello");

        assertThat(message.getPayload()).isEqualTo("hello");
        assertThat(message.getHeaders().getId()).isNotNull();
        assertThat(message.getHeaders().getId().version()).isEqualTo(4);
        assertThat(message.getHeaders().getTimestamp()).isBetween(before, System.currentTimeMillis());
        assertThat(message.getHeaders()).containsOnlyKeys(MessageHeaders.ID, MessageHeaders.TIMESTAMP);
    }

    @Test
    void idsAreUniqueAcrossThreads() {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(Message.of(i).getHeaders().getId()));
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void headersAreImmutable() {
        MessageHeaders headers = MessageBuilder.withPayload("x").setHeader("a", 1).build().getHeaders();
        assertThatThrownBy(() -> headers.put("b", 2)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MessageBuilder");
        assertThatThrownBy(() -> headers.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(headers::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headersAreCopiedSoLaterChangesToTheSourceMapDoNotLeakIn() {
        Map<String, Object> source = new HashMap<>();
        source.put("a", 1);
        MessageHeaders headers = new MessageHeaders(source);
        source.put("a", 2);
        assertThat(headers.get("a")).isEqualTo(1);
    }

    @Test
    void nullPayloadIsRejected() {
        assertThatThrownBy(() -> Message.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> MessageBuilder.withPayload(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderCopiesAndOverridesHeadersButAssignsANewIdAndTimestamp() {
        Message<String> original = MessageBuilder.withPayload("p").setHeader("a", 1).setHeader("b", 2)
                .setHeader(MessageHeaders.ID, UUID.randomUUID()).build();
        Message<String> copy = MessageBuilder.fromMessage(original).setHeader("b", 3).removeHeader("a")
                .setHeaderIfAbsent("b", 99).setHeaderIfAbsent("c", 4).build();

        assertThat(copy.getPayload()).isSameAs(original.getPayload());
        assertThat(copy.getHeaders()).containsEntry("b", 3).containsEntry("c", 4).doesNotContainKey("a");
        assertThat(copy.getHeaders().getId()).isNotEqualTo(original.getHeaders().getId());
    }

    @Test
    void anUnchangedCopyIsTheSameMessage() {
        Message<String> original = MessageBuilder.withPayload("p").setHeader("a", 1).build();
        assertThat(MessageBuilder.fromMessage(original).setHeader("a", 1).build()).isSameAs(original);
        assertThat(MessageBuilder.fromMessage(original).setHeader("a", 2).build()).isNotSameAs(original);
    }

    @Test
    void copyHeadersIfAbsentKeepsExistingValues() {
        Message<String> message = MessageBuilder.withPayload("p").setHeader("a", 1)
                .copyHeadersIfAbsent(Map.of("a", 2, "b", 3)).build();
        assertThat(message.getHeaders()).containsEntry("a", 1).containsEntry("b", 3);
    }

    @Test
    void wellKnownHeadersHaveTypedAccessors() {
        Object replyChannel = new Object();
        Message<String> message = MessageBuilder.withPayload("p").setCorrelationId("c-1").setReplyChannel(replyChannel)
                .setErrorChannel("errors").setPriority(7).setSequenceNumber(2).setSequenceSize(5).build();
        MessageHeaders headers = message.getHeaders();

        assertThat(headers.getCorrelationId()).isEqualTo("c-1");
        assertThat(headers.getReplyChannel()).isSameAs(replyChannel);
        assertThat(headers.getErrorChannel()).isEqualTo("errors");
        assertThat(headers.get(MessageHeaders.PRIORITY, Integer.class)).isEqualTo(7);
        assertThat(headers.get(MessageHeaders.SEQUENCE_NUMBER, Integer.class)).isEqualTo(2);
        assertThat(headers.get(MessageHeaders.SEQUENCE_SIZE, Integer.class)).isEqualTo(5);
        assertThat(headers.get("absent", String.class)).isNull();
        assertThatThrownBy(() -> headers.get(MessageHeaders.PRIORITY, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority");
    }

    @Test
    void errorMessageCarriesTheFailureAndTheOriginalMessage() {
        Message<String> original = Message.of("boom");
        IllegalStateException failure = new IllegalStateException("broken");
        ErrorMessage error = new ErrorMessage(failure, original);

        assertThat(error.getPayload()).isSameAs(failure);
        assertThat(error.getOriginalMessage()).containsSame(original);
        assertThat(new ErrorMessage(failure, null).getOriginalMessage()).isEmpty();
        assertThat(error.toString()).contains("broken").contains("originalMessage");
    }

    @Test
    void sharedHeadersAreCopiedBeforeAnyChange() {
        Message<String> request = MessageBuilder.withPayload("request").setHeader("a", 1).build();
        MessageBuilder<String> builder = MessageBuilder.withPayload("reply").copyHeaders(request.getHeaders());
        Message<String> first = builder.build();
        Message<String> second = builder.setHeader("a", 2).setHeader("b", 3).build();

        assertThat(request.getHeaders()).containsEntry("a", 1).doesNotContainKey("b");
        assertThat(first.getHeaders()).containsEntry("a", 1).doesNotContainKey("b");
        assertThat(second.getHeaders()).containsEntry("a", 2).containsEntry("b", 3);
        assertThat(first.getHeaders().getId()).isNotEqualTo(request.getHeaders().getId());
    }

    @Test
    void copyingHeadersIntoABuilderThatHasSomeMergesThem() {
        Message<String> source = MessageBuilder.withPayload("s").setHeader("a", 1).setHeader("b", 1).build();
        Message<String> merged = MessageBuilder.withPayload("m").setHeader("b", 2).setHeader("c", 2)
                .copyHeadersIfAbsent(source.getHeaders()).build();
        Message<String> overridden = MessageBuilder.withPayload("m").setHeader("b", 2)
                .copyHeaders(source.getHeaders()).build();

        assertThat(merged.getHeaders()).containsEntry("a", 1).containsEntry("b", 2).containsEntry("c", 2);
        assertThat(overridden.getHeaders()).containsEntry("a", 1).containsEntry("b", 1);
        assertThat(merged.getHeaders().getId()).isNotEqualTo(source.getHeaders().getId());
    }
}

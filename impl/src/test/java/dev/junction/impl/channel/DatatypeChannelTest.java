package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.convert.ConversionRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatatypeChannelTest {

    @Test
    void acceptsPayloadsAssignableToADatatype() {
        QueueChannel numbers = QueueChannel.builder().name("numberChannel").datatypes(Number.class).build();
        Message<Integer> integer = Message.of(5);

        assertThat(numbers.send(integer)).isTrue();
        assertThat(numbers.send(Message.of(2.5d))).isTrue();
        assertThat(numbers.receive(Duration.ZERO)).isSameAs(integer);
    }

    @Test
    void acceptsAnyOfSeveralDatatypes() {
        QueueChannel channel = QueueChannel.builder().name("stringOrNumber").datatypes(String.class, Number.class).build();
        assertThat(channel.send(Message.of("text"))).isTrue();
        assertThat(channel.send(Message.of(1L))).isTrue();
    }

    @Test
    void rejectsOtherPayloadsNamingChannelExpectedAndReceivedTypes() {
        DirectChannel numbers = DirectChannel.builder().name("numberChannel").datatypes(Number.class).build();
        numbers.subscribe(m -> { });

        assertThatThrownBy(() -> numbers.send(Message.of("5")))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("'numberChannel'")
                .hasMessageContaining("[java.lang.Number]")
                .hasMessageContaining("[java.lang.String]");
    }

    @Test
    void convertsWhenARegisteredConverterFitsAndKeepsTheHeaders() {
        ConversionRegistry conversion = ConversionRegistry.builder()
                .register(String.class, Integer.class, Integer::valueOf).build();
        QueueChannel numbers = QueueChannel.builder().name("numberChannel").datatypes(Number.class)
                .conversion(conversion).build();

        numbers.send(MessageBuilder.withPayload("5").setHeader("origin", "text").build());
        Message<?> received = numbers.receive(Duration.ZERO);
        assertThat(received.getPayload()).isEqualTo(5);
        assertThat(received.getHeaders()).containsEntry("origin", "text");
    }

    @Test
    void aFailingConversionIsADeliveryFailureNamingTheChannel() {
        ConversionRegistry conversion = ConversionRegistry.builder()
                .register(String.class, Integer.class, Integer::valueOf).build();
        QueueChannel numbers = QueueChannel.builder().name("numberChannel").datatypes(Integer.class)
                .conversion(conversion).build();

        assertThatThrownBy(() -> numbers.send(Message.of("five")))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("'numberChannel' could not convert")
                .hasRootCauseInstanceOf(NumberFormatException.class);
        assertThat(numbers.getQueueSize()).isZero();
    }

    @Test
    void converterForASubtypeTargetServesTheDatatype() {
        ConversionRegistry conversion = ConversionRegistry.builder()
                .register(CharSequence.class, Long.class, s -> Long.parseLong(s.toString())).build();
        QueueChannel numbers = QueueChannel.builder().name("n").datatypes(Number.class).conversion(conversion).build();

        numbers.send(Message.of(new StringBuilder("42")));
        assertThat(numbers.receive(Duration.ZERO).getPayload()).isEqualTo(42L);
    }
}

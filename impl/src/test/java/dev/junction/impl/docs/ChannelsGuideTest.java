package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.core.MessagingTemplate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The snippets of docs/messages-and-channels.adoc; each one runs here, so the guide cannot drift. */
class ChannelsGuideTest {

    @Test
    void messages() {
        // tag::messages[]
        Message<String> order = MessageBuilder.withPayload("latte")
                .setHeader("table", 4)
                .setPriority(7)
                .build();
        Message<String> urgent = MessageBuilder.fromMessage(order).setPriority(9).build();
        // end::messages[]
        assertThat(urgent.getHeaders()).containsEntry("table", 4).containsEntry(MessageHeaders.PRIORITY, 9);
        assertThat(urgent.getHeaders().getId()).isNotEqualTo(order.getHeaders().getId());
    }

    @Test
    void channels() {
        // tag::channels[]
        SubscribableChannel orders = MessageChannels.direct("orders");          // the handler runs in the sender
        PollableChannel drinks = MessageChannels.queue("drinks", 25);           // buffered, taken by receive
        SubscribableChannel events = MessageChannels.publishSubscribe("events"); // every subscriber gets it

        orders.subscribe(message -> drinks.send(message));
        orders.send(Message.of("latte"));
        Message<?> next = drinks.receive(Duration.ofSeconds(1));   // null if nothing arrived in time
        // end::channels[]
        assertThat(next.getPayload()).isEqualTo("latte");
        assertThat(events.send(Message.of("nobody listens"))).isTrue();
    }

    @Test
    void datatype() {
        // tag::datatype[]
        ConversionRegistry conversion = ConversionRegistry.builder()
                .register(String.class, Integer.class, Integer::valueOf)
                .build();
        QueueChannel numbers = QueueChannel.builder().name("numberChannel")
                .datatypes(Number.class)
                .conversion(conversion)
                .build();

        numbers.send(Message.of("5"));                        // converted to 5
        // end::datatype[]
        assertThat(numbers.receive(Duration.ZERO).getPayload()).isEqualTo(5);
        QueueChannel strict = QueueChannel.builder().name("strict").datatypes(Number.class).build();
        assertThatThrownBy(() -> strict.send(Message.of("5"))).isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void wiretap() {
        // tag::wiretap[]
        PollableChannel audit = MessageChannels.queue("audit");
        ChannelInterceptor bigOrders = MessageChannels.wireTap(audit, message -> (int) message.getPayload() > 10);
        try (Junction junction = Junction.builder().globalInterceptor(bigOrders, 0, "order*").build()) {
            junction.register(audit);
            junction.flow("orders").handle(payload -> null);      // every channel named order* is tapped
            junction.start();
            junction.channel("orders").send(Message.of(5));
            junction.channel("orders").send(Message.of(50));
        }
        // end::wiretap[]
        assertThat(audit.receive(Duration.ZERO).getPayload()).isEqualTo(50);
        assertThat(audit.receive(Duration.ZERO)).isNull();
    }

    @Test
    void template() {
        DirectChannel echo = new DirectChannel("echo");
        // tag::template[]
        echo.subscribe(request -> {
            MessageChannel replyChannel = (MessageChannel) request.getHeaders().getReplyChannel();
            replyChannel.send(Message.of("re: " + request.getPayload()));
        });
        MessagingTemplate template = MessagingTemplate.builder()
                .receiveTimeout(Duration.ofSeconds(5))
                .build();
        Message<?> reply = template.sendAndReceive(echo, Message.of("hello"));
        // end::template[]
        assertThat(reply.getPayload()).isEqualTo("re: hello");
    }
}

package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.LoadBalancing;
import dev.junction.impl.channel.PublishSubscribeChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.core.MessagingTemplate;
import dev.junction.impl.interceptor.GlobalInterceptorRegistration;
import dev.junction.impl.interceptor.GlobalInterceptors;
import dev.junction.impl.interceptor.WireTap;
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
        DirectChannel orders = DirectChannel.builder().name("orders")
                .loadBalancing(LoadBalancing.NONE)        // primary first, secondary on failure
                .build();
        QueueChannel drinks = new QueueChannel("drinks", 25);
        PublishSubscribeChannel events = PublishSubscribeChannel.builder().name("events")
                .applySequence(true)
                .build();

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
        GlobalInterceptors globals = new GlobalInterceptors();
        ChannelRegistry channels = new ChannelRegistry(globals::apply);
        QueueChannel audit = channels.register(new QueueChannel("audit"));
        globals.register(GlobalInterceptorRegistration.of(
                WireTap.to("audit", channels).selectorExpression("payload > 10").build(), "order*", 0));

        DirectChannel orders = channels.register(new DirectChannel("orders"));   // registered later: tapped too
        orders.subscribe(message -> { });
        orders.send(Message.of(5));
        orders.send(Message.of(50));
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

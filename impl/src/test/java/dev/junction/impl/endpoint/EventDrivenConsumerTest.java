package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.support.Handlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An event-driven consumer subscribes its handler to the input channel only while it runs. */
class EventDrivenConsumerTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final DirectChannel input = channels.register(new DirectChannel("orders"));
    private final QueueChannel output = channels.register(new QueueChannel("served"));
    private final Handlers handlers = new Handlers(ConversionRegistry.empty(), new ExpressionParser());

    @Test
    void runsAServiceActivatorOnlyWhileStarted() {
        EventDrivenConsumer endpoint = new EventDrivenConsumer("shouterEndpoint", input,
                handlers.serviceActivator(new Shouter(), null,
                        ReplyProducerSettings.named("shouter").outputChannel(output).resolver(channels)), false);
        endpoint.start();
        input.send(Message.of("on"));
        endpoint.stop();

        Message<?> reply = output.receive(Duration.ZERO);
        assertThat(reply).as("a message on " + output.getName()).isNotNull();
        assertThat(reply.getPayload()).isEqualTo("ON");
        assertThatThrownBy(() -> input.send(Message.of("off"))).isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("no subscribers");
    }

    public static class Shouter {
        public String shout(String text) {
            return text.toUpperCase();
        }
    }
}

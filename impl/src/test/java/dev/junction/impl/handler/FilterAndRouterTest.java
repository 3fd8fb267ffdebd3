package dev.junction.impl.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterAndRouterTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final QueueChannel accepted = channels.register(new QueueChannel("accepted"));
    private final QueueChannel discarded = channels.register(new QueueChannel("discarded"));
    private final QueueChannel hot = channels.register(new QueueChannel("hotDrinks"));
    private final QueueChannel cold = channels.register(new QueueChannel("coldDrinks"));
    private final QueueChannel fallback = channels.register(new QueueChannel("fallback"));

    @Test
    void aFilterPassesAcceptedMessagesUnchanged() {
        MessageFilter filter = new MessageFilter(m -> (Integer) m.getPayload() > 10, null, false,
                ReplyProducerSettings.named("big").outputChannel(accepted));
        Message<Integer> big = Message.of(11);
        filter.handleMessage(big);
        filter.handleMessage(Message.of(3));

        assertThat(accepted.receive(Duration.ZERO)).isSameAs(big);
        assertThat(accepted.getQueueSize()).isZero();
    }

    @Test
    void rejectedMessagesGoToTheDiscardChannel() {
        MessageFilter filter = new MessageFilter(m -> false, discarded, false,
                ReplyProducerSettings.named("none").outputChannel(accepted));
        Message<String> message = Message.of("x");
        filter.handleMessage(message);
        assertThat(discarded.receive(Duration.ZERO)).isSameAs(message);
    }

    @Test
    void aThrowingFilterRejectsWithAnErrorAfterDiscarding() {
        MessageFilter filter = new MessageFilter(m -> false, discarded, true,
                ReplyProducerSettings.named("strict").outputChannel(accepted));
        Message<String> message = Message.of("x");
        assertThatThrownBy(() -> filter.handleMessage(message))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("strict");
        assertThat(discarded.receive(Duration.ZERO)).isSameAs(message);
    }

    @Test
    void aRouterSendsToTheNamedOrMappedChannels() {
        MessageRouter router = new MessageRouter("drinkRouter", m -> m.getPayload().toString().startsWith("iced") ? "cold" : "hotDrinks",
                Map.of("cold", "coldDrinks"), channels, null, true, Integer.MAX_VALUE);
        router.handleMessage(Message.of("iced tea"));
        router.handleMessage(Message.of("latte"));

        assertThat(cold.receive(Duration.ZERO).getPayload()).isEqualTo("iced tea");
        assertThat(hot.receive(Duration.ZERO).getPayload()).isEqualTo("latte");
    }

    @Test
    void aRouterMaySendToSeveralChannelsAndToChannelInstances() {
        MessageRouter router = new MessageRouter("multi", m -> List.of(hot, "coldDrinks"), Map.of(), channels, null,
                true, Integer.MAX_VALUE);
        router.handleMessage(Message.of("both"));
        assertThat(hot.getQueueSize()).isEqualTo(1);
        assertThat(cold.getQueueSize()).isEqualTo(1);
    }

    @Test
    void anUnresolvableChannelFailsWhenResolutionIsRequired() {
        MessageRouter router = new MessageRouter("strictRouter", m -> "nowhere", Map.of(), channels, fallback, true,
                Integer.MAX_VALUE);
        assertThatThrownBy(() -> router.handleMessage(Message.of("x")))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("strictRouter").hasMessageContaining("'nowhere'");
    }

    @Test
    void withoutRequiredResolutionUnresolvedMessagesGoToTheDefaultOutput() {
        MessageRouter router = new MessageRouter("lenient", m -> "nowhere", Map.of(), channels, fallback, false,
                Integer.MAX_VALUE);
        router.handleMessage(Message.of("x"));
        assertThat(fallback.receive(Duration.ZERO).getPayload()).isEqualTo("x");
    }

    @Test
    void nothingResolvedAndNoDefaultOutputIsAnError() {
        MessageRouter router = new MessageRouter("empty", m -> null, Map.of(), channels, null, true, Integer.MAX_VALUE);
        assertThatThrownBy(() -> router.handleMessage(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("empty")
                .hasMessageContaining("no default output channel");
    }
}

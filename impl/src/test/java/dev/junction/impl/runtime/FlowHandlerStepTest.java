package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.AbstractReplyProducingHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A flow step given a {@link MessageHandler} built elsewhere: it gets each message as it is, and a reply-producing
 * handler replies to the next step, or at the end of the flow to the caller.
 */
class FlowHandlerStepTest {

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    @MessagingGateway(defaultRequestChannel = "in", defaultReplyTimeout = 10_000)
    interface Echo {
        Object call(Object payload);
    }

    /** Built the way an integration module builds its handlers: on its own, with no output channel. */
    private static final class Exclaiming extends AbstractReplyProducingHandler {
        Exclaiming(ReplyProducerSettings settings) {
            super(settings);
        }

        @Override
        protected Object handleRequest(Message<?> request) {
            return request.getPayload() + "!";
        }
    }

    @Test
    void aOneWayHandlerGetsEachMessageAsItIs() {
        List<Message<?>> seen = new CopyOnWriteArrayList<>();
        junction.flow("in").handle((MessageHandler) seen::add).id("sink");
        junction.start();

        Message<String> sent = Message.of("as it is");
        junction.channel("in").send(sent);

        assertThat(seen).containsExactly(sent);
        assertThat(junction.endpoint("sink")).isPresent();
    }

    @Test
    void aReplyProducingHandlerRepliesToTheNextStep() {
        junction.flow("in").handle(new Exclaiming(ReplyProducerSettings.named("exclaiming")))
                .transform((String text) -> text.toUpperCase());
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        assertThat(echo.call("hello")).isEqualTo("HELLO!");
    }

    @Test
    void aReplyProducingHandlerAtTheEndRepliesToTheCaller() {
        junction.flow("in").transform((String text) -> text + "?").handle(new Exclaiming(
                ReplyProducerSettings.named("exclaiming")));
        Echo echo = junction.gateway(Echo.class);
        junction.start();

        assertThat(echo.call("really")).isEqualTo("really?!");
    }

    @Test
    void aHandlerWithAnOutputChannelOfItsOwnCannotReplyToTheNextStep() {
        junction.register(MessageChannels.queue("elsewhere", 10));
        Exclaiming own = new Exclaiming(ReplyProducerSettings.named("exclaiming")
                .outputChannel(junction.channel("elsewhere")));
        junction.flow("in").handle(own).log();

        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-0603")
                .hasMessageContaining("exclaiming already sends its replies to channel 'elsewhere'");
    }
}

package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channels are beans qualified {@code @Channel("name")}, injected with their proper types: a produced queue as a
 * {@link PollableChannel}, a channel nobody declares as a direct {@link SubscribableChannel}, the built-in
 * {@code nullChannel} and {@code errorChannel}. The injected channel is the one the endpoints use.
 * The deployment uses {@code bean-discovery-mode="all"}.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelInjectionTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(ChannelInjectionTest.class, BeanDiscovery.ALL);
    }

    @ApplicationScoped
    public static class Shouter {
        @Transformer(inputChannel = "words", outputChannel = "shouts")
        public String shout(String word) {
            return word.toUpperCase() + "!";
        }
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("shouts")
        PollableChannel shouts() {
            return MessageChannels.queue("shouts");
        }
    }

    @Inject
    @Channel("words")
    SubscribableChannel words;

    @Inject
    @Channel("words")
    InterceptableChannel interceptableWords;

    @Inject
    @Channel("shouts")
    PollableChannel shouts;

    @Inject
    @Channel("nullChannel")
    PollableChannel nullChannel;

    @Inject
    @Channel("errorChannel")
    SubscribableChannel errorChannel;

    @Inject
    @Any
    Instance<MessageChannel> channels;

    @Inject
    Junction runtime;

    @Test
    void aChannelNobodyDeclaresIsADirectChannelBeanWithTheEndpointSubscribed() {
        assertThat(words).isInstanceOf(DirectChannel.class).isSameAs(runtime.channel("words"));
        assertThat(words.getName()).isEqualTo("words");
        assertThat(words.getSubscriberCount()).isEqualTo(1);
    }

    @Test
    void aMessageSentToTheInjectedChannelReachesTheEndpointAndItsProducedOutputChannel() {
        assertThat(words.send(Message.of("hey"))).isTrue();

        Message<?> shout = shouts.receive(Waiting.PATIENCE);
        assertThat(shout).isNotNull();
        assertThat(shout.getPayload()).isEqualTo("HEY!");
    }

    @Test
    void theProducedChannelIsTheOneTheRuntimeResolves() {
        assertThat(shouts.getName()).isEqualTo("shouts");
        MessageChannel resolved = runtime.channel("shouts");
        assertThat(resolved).isInstanceOf(PollableChannel.class);

        shouts.send(Message.of("through the bean"));
        Message<?> received = ((PollableChannel) resolved).receive(Waiting.PATIENCE);
        assertThat(received).isNotNull();
        assertThat(received.getPayload()).isEqualTo("through the bean");
    }

    @Test
    void channelsAreFoundByNameThroughInstance() {
        MessageChannel found = channels.select(Channel.Literal.of("shouts")).get();

        assertThat(found.getName()).isEqualTo("shouts");
        assertThat(channels.select(Channel.Literal.of("words")).get()).isSameAs(words);
        assertThat(channels.select(Channel.Literal.of("nobodyNamesThis")).isUnsatisfied()).isTrue();
    }

    @Test
    void nullChannelAndErrorChannelAlwaysExist() {
        assertThat(nullChannel).isInstanceOf(NullChannel.class);
        assertThat(nullChannel.send(Message.of("gone"))).isTrue();
        assertThat(nullChannel.receive(Duration.ZERO)).isNull();
        assertThat(errorChannel).isInstanceOf(ErrorChannel.class);
    }

    @Test
    void interceptorsAddedThroughTheInjectedChannelSeeTheEndpointsTraffic() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ChannelInterceptor spy = new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                seen.add(message.getPayload());
                return message;
            }
        };
        interceptableWords.addInterceptor(spy);
        try {
            words.send(Message.of("psst"));
        } finally {
            interceptableWords.removeInterceptor(spy);
        }

        assertThat(seen).containsExactly("psst");
        assertThat(shouts.receive(Waiting.PATIENCE).getPayload()).isEqualTo("PSST!");
    }
}

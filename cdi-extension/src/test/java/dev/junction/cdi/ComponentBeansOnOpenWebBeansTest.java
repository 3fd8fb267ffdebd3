package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import org.apache.openwebbeans.se.OWBInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The beans found by type and qualifier work on OpenWebBeans too: the default poller, global interceptors (on a
 * declared channel behind OWB's client proxy as well) and converters. The bean classes are the Weld tests'.
 */
class ComponentBeansOnOpenWebBeansTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private SeContainer container;

    @BeforeEach
    void start() {
        container = new OWBInitializer()
                .disableDiscovery()
                .addBeanClasses(
                        DefaultPollerBeanTest.Config.class, DefaultPollerBeanTest.RequestState.class,
                        DefaultPollerBeanTest.Worker.class,
                        GlobalInterceptorBeansTest.Journal.class, GlobalInterceptorBeansTest.AfterLocal.class,
                        GlobalInterceptorBeansTest.BeforeLocal.class, GlobalInterceptorBeansTest.Config.class,
                        GlobalInterceptorBeansTest.Handlers.class,
                        ConverterAndLoadBalancerBeansTest.OrderParser.class,
                        ConverterAndLoadBalancerBeansTest.Converters.class,
                        ConverterAndLoadBalancerBeansTest.Counter.class,
                        ConverterAndLoadBalancerBeansTest.Kitchen.class)
                .addExtensions(new JunctionExtension())
                .initialize();
    }

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @Test
    void theDefaultPollerPollsAConsumerWithoutPoller() {
        container.select(PollableChannel.class, Channel.Literal.of("jobs")).get().send(Message.of("job"));
        DefaultPollerBeanTest.Worker worker = container.select(DefaultPollerBeanTest.Worker.class).get();

        await().atMost(PATIENCE).until(() -> worker.done().size() == 1);
    }

    @Test
    void globalInterceptorsApplyToCreatedAndDeclaredChannelsAndTheWireTapCopies() {
        GlobalInterceptorBeansTest.Journal journal = container.select(GlobalInterceptorBeansTest.Journal.class).get();
        container.select(MessageChannel.class, Channel.Literal.of("ordersIn")).get().send(Message.of("o1"));
        container.select(MessageChannel.class, Channel.Literal.of("ordersQueue")).get().send(Message.of("o2"));

        assertThat(journal.about("ordersIn")).containsExactly("before:ordersIn", "after:ordersIn");
        assertThat(journal.about("ordersQueue"))
                .containsExactly("before:ordersQueue", "local:ordersQueue", "after:ordersQueue");
        PollableChannel audit = container.select(PollableChannel.class, Channel.Literal.of("ordersAudit")).get();
        assertThat(audit.receive(PATIENCE).getPayload()).isEqualTo("o1");
        assertThat(audit.receive(PATIENCE).getPayload()).isEqualTo("o2");
    }

    @Test
    void converterBeansConvertHandlerParameters() {
        ConverterAndLoadBalancerBeansTest.Counter counter =
                container.select(ConverterAndLoadBalancerBeansTest.Counter.class).get();

        assertThat(counter.place("2 x latte")).isEqualTo("2 of latte");
        assertThat(counter.place(7)).isEqualTo("1 of menu 7");
    }
}

package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.runtime.Junction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every configuration problem fails the deployment, all of them reported at once. */
class ValidationTest {

    @MessagingGateway(defaultRequestChannel = "in")
    public interface BrokenGateway {
        String twoPayloads(String first, String second);
    }

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("queue")
        PollableChannel queue() {
            return MessageChannels.queue("queue");
        }
    }

    @ApplicationScoped
    public static class BrokenEndpoints {
        @ServiceActivator
        public void noInput(String text) {
        }

        @ServiceActivator(inputChannel = "in")
        @Poller(fixedDelay = 10)
        public void pollerOnDirect(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        public void noPoller(String text) {
        }

        @ServiceActivator(inputChannel = "in", id = "same")
        public void first(String text) {
        }

        @ServiceActivator(inputChannel = "in", id = "same")
        public void second(String text) {
        }

        @ServiceActivator(inputChannel = "in")
        public void ambiguous(@Payload String one, @Payload String two) {
        }

        @ServiceActivator(inputChannel = "queue")
        @Poller(fixedDelay = 10, fixedRate = 10)
        public void conflictingPoller(String text) {
        }
    }

    @Test
    void allProblemsFailTheDeploymentTogether() {
        assertThatThrownBy(() -> Containers.start("validation", BrokenGateway.class, Queues.class,
                BrokenEndpoints.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(allMessages(failure)).contains(
                        "JNC-0501 " + BrokenEndpoints.class.getName() + "#noInput",
                        "JNC-0502 " + BrokenEndpoints.class.getName() + "#pollerOnDirect",
                        "JNC-0503 " + BrokenEndpoints.class.getName() + "#noPoller",
                        "JNC-0504 " + BrokenEndpoints.class.getName() + "#conflictingPoller",
                        "JNC-0505 " + BrokenGateway.class.getName(),
                        "JNC-0506 endpoint id 'same'",
                        "JNC-0507 " + BrokenEndpoints.class.getName() + "#ambiguous"));
    }

    @Dependent
    public static class WrongChannelTypes {
        @Inject
        @Channel("undeclared")
        PollableChannel undeclaredAsQueue;

        @Inject
        @Channel("queue")
        SubscribableChannel declaredQueueAsSubscribable;

        @Inject
        @Channel("queue")
        PollableChannel right;
    }

    @Test
    void channelInjectionPointsOfTypesTheChannelDoesNotHaveAreCodedProblemsNamingTheFix() {
        assertThatThrownBy(() -> Containers.start("channel-types", Queues.class, WrongChannelTypes.class).shutdown())
                .satisfies(failure -> assertThat(allMessages(failure))
                        .contains("JNC-0524", "undeclaredAsQueue", "asks for channel 'undeclared' as "
                                + PollableChannel.class.getName(), "a direct channel Junction creates",
                                "@Produces @Channel(\"undeclared\") PollableChannel")
                        .contains("declaredQueueAsSubscribable", "asks for channel 'queue' as "
                                + SubscribableChannel.class.getName(), "change the declaration's type")
                        .doesNotContain("WELD-001408")
                        .doesNotContainPattern("\\bright\\b"));
    }

    @Test
    void aValidDeploymentAfterAFailedOneStarts() {
        assertThatThrownBy(() -> Containers.start("validation-first", BrokenEndpoints.class, Queues.class))
                .isInstanceOf(DeploymentException.class);
        var container = Containers.start("validation-second", Queues.class);
        try {
            assertThat(container.select(Junction.class).get().isRunning()).isTrue();
        } finally {
            container.shutdown();
        }
    }

    /** @return the messages of the failure, its causes and everything suppressed in them, one per line */
    static String allMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(suppressed.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}

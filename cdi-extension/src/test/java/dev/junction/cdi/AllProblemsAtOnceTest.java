package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A deployment with mistakes of every stage (the {@code @Channel} injection points the container resolves, endpoints
 * and declarations the runtime wires, a gateway interface) fails once, and the exception the container throws names
 * every one of them with its code, not the container's generic "unsatisfied" or "ambiguous dependency" for the
 * injection points: the developer fixes them all before deploying again. On Weld and OpenWebBeans.
 */
class AllProblemsAtOnceTest {

    @MessagingGateway(defaultRequestChannel = "orders")
    public interface TwoPayloadsGateway {
        String place(String item, String table);
    }

    @Dependent
    public static class Declarations {
        @Produces
        @ApplicationScoped
        @Channel("kitchen")
        PollableChannel kitchen() {
            return MessageChannels.queue("kitchen");
        }

        @Produces
        @ApplicationScoped
        @Channel("twice")
        PollableChannel once() {
            return MessageChannels.queue("twice");
        }

        @Produces
        @ApplicationScoped
        @Channel("twice")
        PollableChannel again() {
            return MessageChannels.queue("twice");
        }

        @Produces
        @ApplicationScoped
        @Channel("errorChannel")
        SubscribableChannel errors() {
            return MessageChannels.publishSubscribe("errorChannel");
        }
    }

    @Dependent
    public static class ChannelInjections {
        /** A queue of a channel nobody declares, which is therefore a direct channel. */
        @Inject
        @Channel("orders")
        PollableChannel orders;
        /** Two declarations: the container finds the point ambiguous unless Junction intervenes. */
        @Inject
        @Channel("twice")
        PollableChannel twice;
        /** Both the application's declaration and the built-in channel have the type. */
        @Inject
        @Channel("errorChannel")
        SubscribableChannel errors;
    }

    @ApplicationScoped
    public static class Cook {
        @ServiceActivator(inputChannel = "kitchen")
        public void cook(String order) {
        }
    }

    private static final Class<?>[] MISTAKES = {TwoPayloadsGateway.class, Declarations.class,
            ChannelInjections.class, Cook.class};

    @Test
    void weldReportsEveryProblemWithItsCode() {
        Throwable failure = catchThrowable(() -> Containers.start("all-problems", MISTAKES).shutdown());

        assertReportsEveryProblem(failure);
    }

    @Test
    void openWebBeansReportsEveryProblemWithItsCode() {
        Throwable failure = catchThrowable(() -> Containers.startOpenWebBeans(MISTAKES).close());

        assertReportsEveryProblem(failure);
    }

    private static void assertReportsEveryProblem(Throwable failure) {
        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(ValidationTest.allMessages(failure)).contains(
                "JNC-0524 ", "asks for channel 'orders' as " + PollableChannel.class.getName(),
                "JNC-0503 " + Cook.class.getName() + "#cook",
                "JNC-0505 " + TwoPayloadsGateway.class.getName(),
                "JNC-0508 channel 'twice' is declared 2 times",
                "JNC-0508 channel 'errorChannel' is built in");
    }
}

package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Closing the container lets a slow polling consumer finish the messages still queued in an
 * {@code @ApplicationScoped} queue channel (declared through its narrow {@code PollableChannel} type, so only the
 * instance behind the client proxy tells how many messages wait).
 */
class DrainOnShutdownTest {

    static final List<Object> HANDLED = new CopyOnWriteArrayList<>();

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("backlog")
        PollableChannel backlog() {
            return MessageChannels.queue("backlog");
        }
    }

    @ApplicationScoped
    public static class SlowWorker {
        @ServiceActivator(inputChannel = "backlog")
        @Poller(fixedDelay = 50, maxMessagesPerPoll = 1, receiveTimeout = 0)
        public void work(String item) {
            LockSupport.parkNanos(20_000_000); // slow work: the received count stays still for longer than a look
            HANDLED.add(item);
        }
    }

    @Test
    void queuedMessagesAreHandledBeforeTheContainerStops() {
        HANDLED.clear();
        WeldContainer container = Containers.start("drain", Queues.class, SlowWorker.class);
        PollableChannel backlog = container.select(PollableChannel.class, Channel.Literal.of("backlog")).get();
        for (int i = 0; i < 6; i++) {
            backlog.send(Message.of("item-" + i));
        }

        container.close();

        assertThat(HANDLED).containsExactly("item-0", "item-1", "item-2", "item-3", "item-4", "item-5");
    }
}

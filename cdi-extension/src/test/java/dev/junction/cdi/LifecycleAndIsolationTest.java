package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class LifecycleAndIsolationTest {

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("tasks")
        PollableChannel tasks() {
            return MessageChannels.queue("tasks");
        }
    }

    @ApplicationScoped
    public static class Worker {
        private final List<Object> done = new CopyOnWriteArrayList<>();

        List<Object> done() {
            return List.copyOf(done);
        }

        @ServiceActivator(inputChannel = "tasks", id = "worker")
        @Poller(fixedDelay = 10, receiveTimeout = 10)
        public void work(String task) {
            done.add(task);
        }

        @ServiceActivator(inputChannel = "later", id = "lazy", autoStartup = false)
        public String later(String text) {
            return text;
        }
    }

    @MessagingGateway(defaultRequestChannel = "notes")
    public interface Notes {
        void note(String text);
    }

    @ApplicationScoped
    public static class Notebook {
        private final List<Object> notes = new CopyOnWriteArrayList<>();

        List<Object> notes() {
            return List.copyOf(notes);
        }

        @ServiceActivator(inputChannel = "notes")
        public void write(String text) {
            notes.add(text);
        }
    }

    @Test
    void pollingConsumerRunsAfterStartupAndStopsOnShutdown() {
        WeldContainer container = Containers.start("lifecycle", Queues.class, Worker.class);
        Junction runtime = container.select(Junction.class).get();
        Endpoint worker = runtime.endpoint("worker").orElseThrow();
        Endpoint lazy = runtime.endpoint("lazy").orElseThrow();
        assertThat(runtime.isRunning()).isTrue();
        assertThat(worker.isRunning()).isTrue();
        assertThat(lazy.isRunning()).as("autoStartup = false").isFalse();

        PollableChannel tasks = container.select(PollableChannel.class, Channel.Literal.of("tasks")).get();
        tasks.send(MessageBuilder.withPayload("wash").build());
        Worker bean = container.select(Worker.class).get();
        await().until(() -> bean.done().contains("wash"));

        container.shutdown();

        assertThat(worker.isRunning()).isFalse();
        assertThat(runtime.isRunning()).isFalse();
    }

    @Test
    void twoContainersDoNotSeeEachOthersChannels() {
        WeldContainer first = Containers.start("isolation-1", Notes.class, Notebook.class);
        WeldContainer second = Containers.start("isolation-2", Notes.class, Notebook.class);
        try {
            first.select(Notes.class).get().note("only in the first");

            assertThat(first.select(Notebook.class).get().notes()).containsExactly("only in the first");
            assertThat(second.select(Notebook.class).get().notes()).isEmpty();
            MessageChannel firstNotes = first.select(Junction.class).get().channel("notes");
            MessageChannel secondNotes = second.select(Junction.class).get().channel("notes");
            assertThat(firstNotes).isNotSameAs(secondNotes);
        } finally {
            first.shutdown();
            second.shutdown();
        }
    }
}

package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.MessageBuilder;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the application offers managed executors (a Jakarta EE server: its defaults in JNDI, or beans), pollers
 * and asynchronous gateways run on them, and Junction leaves them running when it stops: they are the server's.
 * Here a bean stands in for the server's default instance; the WildFly profile of the TCK runs the JNDI path.
 */
class ManagedExecutorsTest {

    static final ServerExecutor SERVER_EXECUTOR = new ServerExecutor();

    /** The part of a server's managed scheduled executor that Junction uses: a ScheduledExecutorService. */
    static final class ServerExecutor extends ScheduledThreadPoolExecutor implements ManagedScheduledExecutorService {
        private static final AtomicInteger THREADS = new AtomicInteger();

        ServerExecutor() {
            super(2, task -> {
                Thread thread = new Thread(task, "server-managed-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public <U> CompletableFuture<U> completedFuture(U value) {
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public <U> CompletionStage<U> completedStage(U value) {
            return CompletableFuture.completedStage(value);
        }

        @Override
        public <T> CompletableFuture<T> copy(CompletableFuture<T> stage) {
            return stage.copy();
        }

        @Override
        public <T> CompletionStage<T> copy(CompletionStage<T> stage) {
            return stage.toCompletableFuture().copy();
        }

        @Override
        public <U> CompletableFuture<U> failedFuture(Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public <U> CompletionStage<U> failedStage(Throwable failure) {
            return CompletableFuture.failedStage(failure);
        }

        @Override
        public ContextService getContextService() {
            throw new UnsupportedOperationException("context propagation is the server's; not part of this test");
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> runAsync(Runnable task) {
            return CompletableFuture.runAsync(task, this);
        }

        @Override
        public <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
            return CompletableFuture.supplyAsync(supplier, this);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            throw new UnsupportedOperationException("Junction schedules through ScheduledExecutorService");
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> task, Trigger trigger) {
            throw new UnsupportedOperationException("Junction schedules through ScheduledExecutorService");
        }
    }

    @Dependent
    public static class Server {
        @Produces
        ManagedScheduledExecutorService defaultExecutor() {
            return SERVER_EXECUTOR;
        }

        @Produces
        @ApplicationScoped
        @Channel("jobs")
        PollableChannel jobs() {
            return MessageChannels.queue("jobs");
        }
    }

    @MessagingGateway(defaultRequestChannel = "lookups", defaultReplyTimeout = 5_000)
    public interface Lookups {
        CompletableFuture<String> find(String key);
    }

    @ApplicationScoped
    public static class Workers {
        private final List<String> threads = new CopyOnWriteArrayList<>();

        List<String> threads() {
            return List.copyOf(threads);
        }

        @ServiceActivator(inputChannel = "jobs")
        @Poller(fixedDelay = 10, receiveTimeout = 10)
        public void work(String job) {
            threads.add(job + " on " + Thread.currentThread().getName());
        }

        @ServiceActivator(inputChannel = "lookups")
        public String find(String key) {
            return key + " on " + Thread.currentThread().getName();
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @Test
    void pollersAndAsyncGatewaysRunOnTheManagedExecutorWhichOutlivesTheApplication() throws Exception {
        container = Containers.start("managed", Server.class, Lookups.class, Workers.class);
        PollableChannel jobs = container.select(PollableChannel.class, Channel.Literal.of("jobs")).get();
        Workers workers = container.select(Workers.class).get();

        jobs.send(MessageBuilder.withPayload("job-1").build());
        String found = container.select(Lookups.class).get().find("k").get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !workers.threads().isEmpty());
        assertThat(workers.threads()).singleElement().asString().startsWith("job-1 on server-managed-");
        assertThat(found).startsWith("k on server-managed-");

        container.close();
        assertThat(SERVER_EXECUTOR.isShutdown()).as("the server's executor is the server's to shut down").isFalse();
        assertThat(SERVER_EXECUTOR.getQueue()).as("no schedule of the stopped application is left on it")
                .allMatch(task -> ((Future<?>) task).isCancelled());
    }
}

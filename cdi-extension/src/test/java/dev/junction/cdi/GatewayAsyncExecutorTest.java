package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.openwebbeans.se.OWBInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A gateway interface chooses where its asynchronous methods run, under CDI as in plain Java: the executor its
 * {@code asyncExecutor} names (a {@code @Named} bean), none ({@code NO_ASYNC_EXECUTOR}: the caller's thread, the
 * flow replies with the future), or by default the runtime's.
 */
class GatewayAsyncExecutorTest {

    @MessagingGateway(defaultRequestChannel = "threadNames", asyncExecutor = "reportsPool")
    public interface NamedExecutorGateway {
        Future<String> threadName(String request);
    }

    @MessagingGateway(defaultRequestChannel = "futureThreadNames", asyncExecutor = MessagingGateway.NO_ASYNC_EXECUTOR)
    public interface CallerThreadGateway {
        CompletableFuture<String> threadName(String request);
    }

    @MessagingGateway(defaultRequestChannel = "threadNames")
    public interface DefaultExecutorGateway {
        Future<String> threadName(String request);
    }

    @ApplicationScoped
    public static class ThreadNames {
        @ServiceActivator(inputChannel = "threadNames")
        public String name(String request) {
            return Thread.currentThread().getName();
        }

        @ServiceActivator(inputChannel = "futureThreadNames")
        public CompletableFuture<String> future(String request) {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @ApplicationScoped
    public static class Pools {
        @Produces
        @Named("reportsPool")
        @ApplicationScoped
        ExecutorService reportsPool() {
            return Executors.newSingleThreadExecutor(task -> new Thread(task, "reports-pool-thread"));
        }

        void shutdown(@Disposes @Named("reportsPool") ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    enum Container {
        WELD(() -> Containers.start("async-executors", NamedExecutorGateway.class, CallerThreadGateway.class,
                DefaultExecutorGateway.class, ThreadNames.class, Pools.class)),
        OPEN_WEB_BEANS(() -> new OWBInitializer().disableDiscovery()
                .addBeanClasses(NamedExecutorGateway.class, CallerThreadGateway.class, DefaultExecutorGateway.class,
                        ThreadNames.class, Pools.class)
                .addExtensions(new JunctionExtension())
                .initialize());

        final Supplier<SeContainer> boot;

        Container(Supplier<SeContainer> boot) {
            this.boot = boot;
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theInterfacesChoiceOfExecutorIsHonoured(Container kind) throws Exception {
        try (SeContainer container = kind.boot.get()) {
            String caller = Thread.currentThread().getName();

            assertThat(container.select(NamedExecutorGateway.class).get().threadName("which")
                    .get(10, TimeUnit.SECONDS)).isEqualTo("reports-pool-thread");
            assertThat(container.select(CallerThreadGateway.class).get().threadName("which")
                    .get(10, TimeUnit.SECONDS)).isEqualTo(caller);
            assertThat(container.select(DefaultExecutorGateway.class).get().threadName("which")
                    .get(10, TimeUnit.SECONDS)).isNotEqualTo(caller).isNotEqualTo("reports-pool-thread");
        }
    }
}

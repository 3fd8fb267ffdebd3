package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.gateway.InvalidGatewayException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JunctionRuntimeTest {

    @MessagingGateway(defaultRequestChannel = "threads")
    interface DefaultAsync {
        Future<String> thread(String request);
    }

    @MessagingGateway(defaultRequestChannel = "threads", asyncExecutor = "named")
    interface NamedAsync {
        Future<String> thread(String request);
    }

    @MessagingGateway(defaultRequestChannel = "futures", asyncExecutor = MessagingGateway.NO_ASYNC_EXECUTOR)
    interface NoAsync {
        CompletableFuture<String> thread(String request);
    }

    @MessagingGateway(defaultRequestChannel = "threads", asyncExecutor = "unknown")
    interface UnknownExecutor {
        Future<String> thread(String request);
    }

    @MessagingGateway(defaultRequestChannel = "slow")
    interface Sender {
        void send(String payload);
    }

    @Test
    void theApiFindsThisRuntimeAndItsDefaultsAreTheDocumentedOnes() {
        try (Junction junction = Junction.create()) {
            assertThat(junction).isInstanceOf(JunctionRuntime.class);
            assertThat(Junction.DEFAULT_SCHEDULER_THREADS).isEqualTo(10);
            assertThat(Junction.DEFAULT_DRAIN_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void asyncGatewaysShareTheRuntimesExecutorUnlessTheInterfaceChoosesAnother() throws Exception {
        ExecutorService named = Executors.newSingleThreadExecutor(task -> new Thread(task, "named-executor"));
        try (Junction junction = JunctionRuntime.builder().executorLookup(name -> name.equals("named") ? named : null)
                .build()) {
            junction.flow("threads").handle("'' += Thread.currentThread().getName()");
            junction.flow("futures").handle(payload -> CompletableFuture.completedFuture(
                    Thread.currentThread().getName()));
            DefaultAsync byDefault = junction.gateway(DefaultAsync.class);
            NamedAsync byName = junction.gateway(NamedAsync.class);
            NoAsync none = junction.gateway(NoAsync.class);
            junction.start();

            assertThat(byDefault.thread("which").get(10, TimeUnit.SECONDS)).startsWith("junction-gateway-");
            assertThat(byName.thread("which").get(10, TimeUnit.SECONDS)).isEqualTo("named-executor");
            assertThat(none.thread("which").get(10, TimeUnit.SECONDS)).isEqualTo(Thread.currentThread().getName());
            assertThatThrownBy(() -> junction.gateway(UnknownExecutor.class))
                    .isInstanceOf(InvalidGatewayException.class).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'unknown' names no executor");
        } finally {
            named.shutdownNow();
        }
    }

    @Test
    void stopLetsQueuedMessagesFinishAndGatewaysRefuseNewCalls() {
        List<Object> handled = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        Junction junction = Junction.create();
        junction.flow(MessageChannels.queue("slow", 100)).poll(PollerSpec.fixedDelay(Duration.ofMillis(1)))
                .handle(payload -> {
                    awaitQuietly(release);
                    handled.add(payload);
                    return null;
                });
        Sender sender = junction.gateway(Sender.class);
        junction.start();
        for (int i = 0; i < 20; i++) {
            sender.send("m" + i);
        }

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(junction::stop);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> sender.send("late"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("JNC-0424"));
        release.countDown();

        assertThat(stopped.join()).isTrue();
        assertThat(handled).hasSize(20).doesNotContain("late");
        assertThat(junction.isRunning()).isFalse();
        junction.close();
    }

    @Test
    void endpointsCanBeStoppedAndStartedByTheirId() {
        try (Junction junction = Junction.create()) {
            junction.flow("in").handle("payload").id("echo");
            junction.start();
            Endpoint echo = junction.endpoint("echo").orElseThrow();

            echo.stop();
            assertThat(echo.isRunning()).isFalse();
            assertThatThrownBy(() -> junction.channel("in").send(MessageBuilder.withPayload(1).build()))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("no subscribers");
            echo.start();
            assertThat(echo.isRunning()).isTrue();
            assertThat(echo.getId()).isEqualTo("echo");
            assertThat(echo.isAutoStartup()).isTrue();
        }
    }

    @Test
    void builderSettingsReachEveryChannelAndHandler() {
        AtomicInteger intercepted = new AtomicInteger();
        ChannelInterceptor counter = new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                intercepted.incrementAndGet();
                return message;
            }
        };
        record Money(long cents) {
        }
        try (Junction junction = Junction.builder()
                .globalInterceptor(counter, 0, "counted*")
                .converter(String.class, Money.class, text -> new Money(Long.parseLong(text)))
                .defaultPoller(PollerSpec.fixedDelay(Duration.ofMillis(5)))
                .build()) {
            var results = MessageChannels.queue("results", 10);
            junction.register(results);
            junction.flow(MessageChannels.queue("countedQueue", 10)).handle(new Object() {
                public long cents(Money money) {
                    return money.cents();
                }
            }).channel("results");
            junction.start();

            junction.channel("countedQueue").send(MessageBuilder.withPayload("250").build());

            assertThat(results.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo(250L);
            assertThat(intercepted).hasValue(1);
        }
    }

    @Test
    void invalidSettingsAreConfigurationErrors() {
        assertThatThrownBy(() -> Junction.builder().defaultPoller(PollerSpec.fixedRate(Duration.ZERO)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0607");
        try (Junction junction = Junction.create()) {
            junction.register(MessageChannels.direct("taken"));
            assertThatThrownBy(() -> junction.register(MessageChannels.direct("taken")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0600")
                    .hasMessageContaining("'taken'");
        }
    }

    @Test
    void invalidBuilderArgumentsAreRefusedWhereTheyAreGiven() {
        assertThatThrownBy(() -> Junction.builder().drainTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-0608")
                .hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> Junction.builder().schedulerThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-0609");
    }

    @Test
    void aClosedRuntimeCannotStartAgain() {
        Junction junction = Junction.create();
        junction.close();

        assertThatThrownBy(junction::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the handler");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}

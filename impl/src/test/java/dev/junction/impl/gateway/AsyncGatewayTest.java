package dev.junction.impl.gateway;

import static dev.junction.impl.gateway.Flows.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Methods returning Future, CompletableFuture or CompletionStage (7.2.9). */
class AsyncGatewayTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final ExecutorService threads = Flows.daemonThreads("async-test");
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @MessagingGateway(name = "math", defaultRequestChannel = "math")
    interface MathService {
        CompletableFuture<Integer> multiplyByTwo(int i);

        Future<Integer> viaFuture(int i);

        CompletionStage<String> asText(int i);

        CompletableFuture<Message<?>> asMessage(int i);

        CompletableFuture<Void> fire(int i);

        @Gateway(replyTimeout = 50)
        CompletableFuture<Integer> withTimeout(int i);

        CompletableFuture<?> anything(int i);

        Integer blocking(int i);
    }

    private void mathService() {
        channels.register(new DirectChannel("math")).subscribe(Flows.service(payload -> {
            int value = (Integer) payload;
            if (value < 0) {
                throw new IllegalArgumentException("negative: " + value);
            }
            if (value == 0) {
                return null; // no reply
            }
            if (value == 99) {
                awaitRelease();
            }
            return value * 2;
        }));
    }

    @Test
    void futuresRunOnTheGatewaysDefaultExecutor() throws Exception {
        AtomicReference<String> flowThread = new AtomicReference<>();
        channels.register(new DirectChannel("math")).subscribe(Flows.service(payload -> {
            flowThread.set(Thread.currentThread().getName());
            return (Integer) payload * 2;
        }));
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels).name("closing")
                .conversionRegistry(ConversionRegistry.builder().register(Integer.class, String.class, i -> "=" + i).build())
                .create();

        assertThat(math.multiplyByTwo(21).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(flowThread.get()).startsWith("junction-gateway-closing-");
        assertThat(math.viaFuture(2).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(math.asText(3).toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("=6");
        assertThat(math.asMessage(4).get(PATIENCE.toSeconds(), TimeUnit.SECONDS).getPayload()).isEqualTo(8);
        assertThat(math.anything(5).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(math.blocking(6)).as("a plain method still runs in the caller's thread").isEqualTo(12);
        assertThat(flowThread.get()).isEqualTo(Thread.currentThread().getName());

        GatewayProxyFactory.close(math);
        await().atMost(PATIENCE).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("junction-gateway-closing-")));
    }

    @Test
    void theCallerGetsTheFutureAtOnceWhileTheFlowRuns() throws Exception {
        mathService();
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels).create();

        CompletableFuture<Integer> pending = math.multiplyByTwo(99);
        assertThat(pending).isNotDone();
        release.countDown();
        assertThat(pending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(198);
    }

    @Test
    void aReplyTimeoutCompletesTheFutureExceptionally() {
        mathService();
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels).create();

        assertThatThrownBy(() -> math.withTimeout(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("MathService.withTimeout(int) received no reply within its reply timeout of 50 ms");
    }

    @Test
    void aDownstreamErrorCompletesTheFutureExceptionally() {
        mathService();
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels).create();

        assertThatThrownBy(() -> math.multiplyByTwo(-1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessagingException.class)
                .hasRootCauseMessage("negative: -1");
        assertThatThrownBy(() -> math.fire(-1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessagingException.class);
    }

    @Test
    void aFutureOfVoidCompletesOnceTheRequestWasSent() throws Exception {
        QueueChannel math = channels.register(new QueueChannel("math"));
        MathService gateway = GatewayProxyFactory.builder(MathService.class).channelResolver(channels).create();

        assertThat(gateway.fire(7).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        Message<?> request = math.receive(Duration.ZERO);
        assertThat(request.getPayload()).isEqualTo(7);
        assertThat(request.getHeaders().getReplyChannel()).as("nobody waits for a reply").isNull();
    }

    @MessagingGateway(defaultRequestChannel = "math", asyncExecutor = "mathPool")
    interface NamedExecutor {
        CompletableFuture<Integer> multiplyByTwo(int i);
    }

    @Test
    void theAnnotationNamesAnExecutorTheLookupFinds() throws Exception {
        AtomicReference<String> flowThread = new AtomicReference<>();
        channels.register(new DirectChannel("math")).subscribe(Flows.service(payload -> {
            flowThread.set(Thread.currentThread().getName());
            return (Integer) payload * 2;
        }));
        NamedExecutor gateway = GatewayProxyFactory.builder(NamedExecutor.class).channelResolver(channels)
                .executorLookup(name -> name.equals("mathPool") ? threads : null).create();

        assertThat(gateway.multiplyByTwo(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(flowThread.get()).startsWith("async-test-");
        GatewayProxyFactory.close(gateway);
        assertThat(threads.isShutdown()).as("a given executor belongs to its owner").isFalse();
    }

    @Test
    void cancellingAWaitingCallFreesTheExecutorThread() throws Exception {
        mathService();
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels)
                    .asyncExecutor(single).create();
            CompletableFuture<Integer> neverAnswered = math.multiplyByTwo(0); // unbounded reply timeout
            await().during(Duration.ofMillis(200)).atMost(PATIENCE).until(() -> !neverAnswered.isDone());

            assertThat(neverAnswered.cancel(true)).isTrue();

            // the only thread of the executor is free again, and not left interrupted
            assertThat(math.multiplyByTwo(5).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(10);
            Future<Boolean> interrupted = single.submit(() -> Thread.currentThread().isInterrupted());
            assertThat(interrupted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isFalse();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void aRejectedCallCompletesTheFutureExceptionally() {
        mathService();
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels)
                .asyncExecutor(task -> {
                    throw new RejectedExecutionException("full");
                }).create();

        assertThatThrownBy(() -> math.multiplyByTwo(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .cause().isInstanceOf(MessageDeliveryException.class).hasMessageContaining("rejected");
    }

    @Test
    void invalidArgumentsFailTheCallItselfEvenWhenItIsAsynchronous() {
        mathService();
        interface Strings {
            CompletableFuture<String> echo(String text);
        }
        Strings gateway = GatewayProxyFactory.builder(Strings.class).defaultRequestChannel(channels.resolve("math"))
                .create();

        assertThatThrownBy(() -> gateway.echo(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- without an executor the flow returns the future ----

    @MessagingGateway(defaultRequestChannel = "futures", asyncExecutor = MessagingGateway.NO_ASYNC_EXECUTOR)
    interface NoExecutor {
        CompletableFuture<String> compute(String input);

        @Gateway(replyTimeout = 50)
        Future<String> computeWithTimeout(String input);

        FutureTask<String> task(String input);
    }

    @Test
    void withoutAnExecutorTheFlowRepliesWithTheFuture() throws Exception {
        CompletableFuture<String> fromFlow = new CompletableFuture<>();
        AtomicReference<String> flowThread = new AtomicReference<>();
        channels.register(new DirectChannel("futures")).subscribe(Flows.service(input -> {
            flowThread.set(Thread.currentThread().getName());
            return switch ((String) input) {
                case "future" -> fromFlow;
                case "task" -> new FutureTask<>(() -> "ran");
                case "none" -> null;
                default -> "not a future";
            };
        }));
        NoExecutor gateway = GatewayProxyFactory.builder(NoExecutor.class).channelResolver(channels).create();

        assertThat(gateway.compute("future")).isSameAs(fromFlow);
        assertThat(flowThread.get()).isEqualTo(Thread.currentThread().getName());
        FutureTask<String> task = gateway.task("task");
        task.run();
        assertThat(task.get()).isEqualTo("ran");

        assertThatThrownBy(() -> gateway.compute("plain").get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .cause().isInstanceOf(MessagingException.class).hasMessageContaining("must reply with a");
        assertThatThrownBy(() -> gateway.computeWithTimeout("none").get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .cause().isInstanceOf(MessageTimeoutException.class);
    }

    @Test
    void theBuilderCanDisableTheExecutorAndADownstreamErrorFailsTheFuture() {
        mathService();
        MathService math = GatewayProxyFactory.builder(MathService.class).channelResolver(channels)
                .noAsyncExecutor().create();

        CompletableFuture<Integer> failed = math.multiplyByTwo(-1);
        assertThat(failed).isCompletedExceptionally();
        assertThatThrownBy(() -> failed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(MessagingException.class).hasRootCauseMessage("negative: -1");
    }

    // ---- an asynchronous receive ----

    @MessagingGateway(defaultReplyChannel = "inbox", defaultReplyTimeout = 20_000)
    interface Inbox {
        CompletableFuture<String> next();
    }

    @Test
    void aNoArgumentMethodReceivesAsynchronously() throws Exception {
        QueueChannel inbox = channels.register(new QueueChannel("inbox"));
        Inbox gateway = GatewayProxyFactory.builder(Inbox.class).channelResolver(channels).create();

        CompletableFuture<String> next = gateway.next();
        inbox.send(Message.of("mail"));
        assertThat(next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("mail");
    }

    private void awaitRelease() {
        try {
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

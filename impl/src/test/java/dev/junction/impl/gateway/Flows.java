package dev.junction.impl.gateway;

import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.ServiceActivatingHandler;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Small flows and helpers the gateway tests share. */
final class Flows {

    /** How long a test waits for something that should happen; generous, it only bounds a failing test. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Flows() {
    }

    /** A service activator computing its reply from the payload; replies go to the replyChannel header. */
    static ServiceActivatingHandler service(Function<Object, Object> function) {
        return new ServiceActivatingHandler(message -> function.apply(message.getPayload()),
                ReplyProducerSettings.named("test-service"));
    }

    /** A service activator sending its reply to an output channel. */
    static ServiceActivatingHandler service(Function<Object, Object> function, MessageChannel output) {
        return new ServiceActivatingHandler(message -> function.apply(message.getPayload()),
                ReplyProducerSettings.named("test-service").outputChannel(output));
    }

    /** Replies to a request through its replyChannel header, as a flow on another thread would. */
    static boolean replyTo(Message<?> request, Object payload) {
        MessageChannel replyChannel = (MessageChannel) request.getHeaders().get(MessageHeaders.REPLY_CHANNEL);
        return replyChannel.send(MessageBuilder.withPayload(payload).copyHeaders(request.getHeaders()).build());
    }

    static ExecutorService daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static void awaitCollected(List<? extends WeakReference<?>> references) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            System.gc();
            return references.stream().allMatch(reference -> reference.get() == null);
        });
    }
}

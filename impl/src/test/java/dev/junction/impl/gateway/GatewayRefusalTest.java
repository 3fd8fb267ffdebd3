package dev.junction.impl.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.error.MessagingException;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stopping application makes its gateways refuse new calls while the calls in progress finish. */
class GatewayRefusalTest {

    @MessagingGateway(defaultRequestChannel = "in")
    interface Sender {
        void send(String text);
    }

    @Test
    void newCallsAreRefusedWithACodeAndNothingIsSent() {
        ChannelRegistry channels = new ChannelRegistry();
        List<Object> received = new CopyOnWriteArrayList<>();
        DirectChannel in = new DirectChannel("in");
        channels.register(in);
        in.subscribe(message -> received.add(message.getPayload()));
        Sender sender = GatewayProxyFactory.builder(Sender.class).channelResolver(channels).create();
        sender.send("before");

        assertThat(GatewayProxyFactory.refuseNewCalls(sender)).isTrue();

        assertThatThrownBy(() -> sender.send("after")).isInstanceOf(MessagingException.class)
                .hasMessageStartingWith("JNC-0424").hasMessageContaining("Sender").hasMessageContaining("stopping");
        assertThat(received).containsExactly("before");
        assertThat(GatewayProxyFactory.refuseNewCalls("not a gateway")).isFalse();
    }

    @Test
    void callsInProgressAreCountedAndFinish() throws Exception {
        ChannelRegistry channels = new ChannelRegistry();
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> received = new CopyOnWriteArrayList<>();
        DirectChannel in = new DirectChannel("in");
        channels.register(in);
        in.subscribe(message -> {
            inHandler.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            received.add(message.getPayload());
        });
        Sender sender = GatewayProxyFactory.builder(Sender.class).channelResolver(channels).create();
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> sender.send("slow"));
        assertThat(inHandler.await(20, TimeUnit.SECONDS)).isTrue();

        GatewayProxyFactory.refuseNewCalls(sender);
        assertThat(GatewayProxyFactory.callsInProgress(sender)).isEqualTo(1);
        release.countDown();

        call.get(20, TimeUnit.SECONDS);
        await().atMost(Flows.PATIENCE).until(() -> GatewayProxyFactory.callsInProgress(sender) == 0);
        assertThat(received).containsExactly("slow");
    }
}

package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pollers and asynchronous gateway calls run on the container's managed executors where it has them (a Jakarta EE
 * server's defaults), else on Junction's own threads: each container profile says which thread names to expect.
 */
@ExtendWith(ArquillianExtension.class)
class ExecutorsTest {

    private static final String EXPECTED = "executors-expected.txt";

    @Deployment
    static WebArchive deployment() {
        TckContainer container = TckContainer.current();
        return Deployments.war(ExecutorsTest.class, BeanDiscovery.ALL).addAsResource(new StringAsset(
                container.pollerThreadPrefix() + "\n" + container.asyncGatewayThreadPrefix() + "\n"), EXPECTED);
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("executorJobs")
        PollableChannel jobs() {
            return MessageChannels.queue("executorJobs");
        }
    }

    @MessagingGateway(defaultRequestChannel = "executorQuestions", defaultReplyTimeout = 30_000)
    public interface Questions {
        CompletableFuture<String> threadOf(String question);
    }

    @ApplicationScoped
    public static class Workers {
        private final List<String> pollerThreads = new CopyOnWriteArrayList<>();

        List<String> pollerThreads() {
            return List.copyOf(pollerThreads);
        }

        @ServiceActivator(inputChannel = "executorJobs")
        @Poller(fixedDelay = 10, receiveTimeout = 10)
        public void work(String job) {
            pollerThreads.add(Thread.currentThread().getName());
        }

        @ServiceActivator(inputChannel = "executorQuestions")
        public String answer(String question) {
            return Thread.currentThread().getName();
        }
    }

    @Inject
    @Channel("executorJobs")
    PollableChannel jobs;

    @Inject
    Questions questions;

    @Inject
    Workers workers;

    /**
     * The deployment carries the expectations to a server; Weld embedded runs the test in the test JVM, which does
     * not see the deployment's resources but has the container profile's {@link TckContainer} itself.
     */
    private static List<String> expectedThreadPrefixes() throws IOException {
        try (InputStream in = ExecutorsTest.class.getClassLoader().getResourceAsStream(EXPECTED)) {
            if (in == null) {
                TckContainer container = TckContainer.current();
                return List.of(container.pollerThreadPrefix(), container.asyncGatewayThreadPrefix());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void pollersAndAsyncGatewaysRunOnTheContainersExecutors() throws Exception {
        List<String> expected = expectedThreadPrefixes();

        jobs.send(Message.of("job"));
        String gatewayThread = questions.threadOf("where?").get(Waiting.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        await().atMost(Waiting.PATIENCE).until(() -> !workers.pollerThreads().isEmpty());
        assertThat(workers.pollerThreads().get(0)).startsWith(expected.get(0));
        assertThat(gatewayThread).startsWith(expected.get(1));
    }
}

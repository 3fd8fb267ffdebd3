package dev.junction.tck.apps;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Endpoints and a gateway that cannot work, one mistake each: a deployment of these classes must fail. */
public final class EndpointMistakes {

    private EndpointMistakes() {
    }

    @MessagingGateway(defaultRequestChannel = "in")
    public interface TwoPayloadsGateway {
        String twoPayloads(String first, String second);
    }

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("queue")
        PollableChannel queue() {
            return MessageChannels.queue("queue");
        }
    }

    @ApplicationScoped
    public static class Endpoints {
        @ServiceActivator
        public void noInput(String text) {
        }

        @ServiceActivator(inputChannel = "in")
        @Poller(fixedDelay = 10)
        public void pollerOnDirect(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        public void noPoller(String text) {
        }

        @ServiceActivator(inputChannel = "queue")
        @Poller(fixedDelay = 10, fixedRate = 10)
        public void conflictingPoller(String text) {
        }

        @ServiceActivator(inputChannel = "in", id = "same")
        public void first(String text) {
        }

        @ServiceActivator(inputChannel = "in", id = "same")
        public void second(String text) {
        }

        @ServiceActivator(inputChannel = "in")
        public void ambiguous(@Payload String one, @Payload String two) {
        }

        @InboundChannelAdapter(channel = "in")
        public String adapterWithoutPoller() {
            return "";
        }
    }
}

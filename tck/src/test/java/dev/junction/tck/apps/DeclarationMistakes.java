package dev.junction.tck.apps;

import dev.junction.api.annotation.BridgeFrom;
import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Channel declarations, return types and annotation combinations that cannot work: a deployment of these classes
 * must fail.
 */
public final class DeclarationMistakes {

    private DeclarationMistakes() {
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("declared")
        PollableChannel misnamed() {
            return MessageChannels.queue("somethingElse");
        }

        @BridgeFrom("declared")
        public String notAProducer() {
            return "";
        }

        @Produces
        @ApplicationScoped
        @Channel("twice")
        PollableChannel once() {
            return MessageChannels.queue("twice");
        }

        @Produces
        @ApplicationScoped
        @Channel("twice")
        PollableChannel again() {
            return MessageChannels.queue("twice");
        }
    }

    /**
     * Injection points the container cannot resolve to one bean because of a mistake Junction reports: they must not
     * fail the deployment on their own, before the other mistakes are found.
     */
    @Dependent
    public static class ChannelInjections {
        /** Nobody declares 'in', so it is a direct channel: not pollable. */
        @Inject
        @Channel("in")
        PollableChannel directAsQueue;
        @Inject
        @Channel("twice")
        PollableChannel declaredTwice;
    }

    @ApplicationScoped
    public static class Endpoints {
        @Filter(inputChannel = "in")
        public String filterNotReturningBoolean(String text) {
            return text;
        }

        @Transformer(inputChannel = "in")
        public void voidTransformer(String text) {
        }

        @InboundChannelAdapter(channel = "out")
        @Poller(fixedDelay = 10)
        public String adapterWithParameter(String text) {
            return text;
        }

        @InboundChannelAdapter
        @Poller(fixedDelay = 10)
        public String adapterWithoutChannel() {
            return "";
        }

        @Router(inputChannel = "in", channelMappings = "noEqualsSign")
        public String badMapping(String text) {
            return text;
        }

        @ServiceActivator(inputChannel = "in")
        @Transformer(inputChannel = "in")
        public String twoKinds(String text) {
            return text;
        }
    }
}

package dev.junction.impl.endpoint;

/**
 * The three kinds of endpoint, declared in the order they start: event-driven consumers only wait to be called,
 * polling consumers send what they take downstream (often to event-driven consumers), and inbound adapters (polled
 * sources and {@link MessageProducerEndpoint}s) bring new messages in. Starting in this order means nothing is sent
 * before its receiver runs; stopping goes the other way round.
 */
enum EndpointKind {

    EVENT_DRIVEN,
    POLLING_CONSUMER,
    INBOUND_ADAPTER;

    static EndpointKind of(AbstractEndpoint endpoint) {
        // an inbound adapter polls too, so it must be told apart before the polling consumers
        if (endpoint instanceof SourcePollingChannelAdapter || endpoint instanceof MessageProducerEndpoint) {
            return INBOUND_ADAPTER;
        }
        if (endpoint instanceof AbstractPollingEndpoint) {
            return POLLING_CONSUMER;
        }
        return EVENT_DRIVEN;
    }
}

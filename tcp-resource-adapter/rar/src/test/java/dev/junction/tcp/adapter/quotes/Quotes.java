package dev.junction.tcp.adapter.quotes;

import dev.junction.api.annotation.MessagingGateway;

/** What the application calls: the flow {@code quotes}, whose only step is {@link QuoteClient}'s TCP gateway. */
// tag::gateway[]
@MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 10_000)
public interface Quotes {
    String quote(String symbol);
}
// end::gateway[]

/**
 * TCP gateways and channel adapters: the messaging endpoints over the connections of
 * {@link dev.junction.tcp.connection}, declared on a runtime in plain Java through
 * {@link dev.junction.tcp.gateway.Tcp}.
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@link dev.junction.tcp.gateway.TcpInboundGateway}: request and reply, server side (or client mode); each
 *       payload received is a request, its reply is written back.</li>
 *   <li>{@link dev.junction.tcp.gateway.TcpInboundChannelAdapter}: one-way in.</li>
 *   <li>{@link dev.junction.tcp.gateway.TcpOutboundGateway}: request and reply, client side; a flow's step.</li>
 *   <li>{@link dev.junction.tcp.gateway.TcpOutboundChannelAdapter}: one-way out; a flow's step. Collaborating with an
 *       inbound endpoint on its factory, it answers or pushes to that endpoint's connections.</li>
 * </ul>
 * Inbound endpoints are {@link dev.junction.impl.endpoint.MessageProducerEndpoint}s, registered with the runtime:
 * they start after every consumer and stop first, and the runtime's draining stop lets their exchanges in progress
 * write their replies before the connections close. Outbound ones are message handlers.
 *
 * <h2>Messages</h2>
 * A payload received is a {@code byte[]} by default, as with Spring Integration, or a {@code String} in the
 * endpoint's charset ({@code payloadAsString()}); a payload written is a {@code byte[]} as it is or a
 * {@code String} in the charset (UTF-8 by default). Every message received carries the
 * {@link dev.junction.tcp.gateway.TcpHeaders} of its connection, of which {@code ip_connectionId} routes replies.
 *
 * <h2>Correlation</h2>
 * TCP frames carry no correlation id: the connection is the correlation. An inbound gateway answers each request on
 * the connection it came on, one at a time per connection. An outbound gateway sends one request at a time on a
 * shared connection, or each on a single-use connection of its own, and never lets a request read another's reply:
 * a connection that still owes a late reply is not used again until it came or the connection is replaced.
 *
 * <h2>Threads</h2>
 * Endpoints create no thread. An inbound exchange runs on its connection's task (the factory's executor), waiting
 * for the reply there; an outbound exchange runs on the caller's thread, or, asynchronous, completes on the
 * connection's task; client mode's attempts to connect and asynchronous timeouts run on the runtime's scheduler.
 */
package dev.junction.tcp.gateway;

/**
 * HTTP outbound gateways and outbound channel adapters on the JDK's {@code java.net.http} client: each message
 * becomes a request, the response the reply. Declare them with {@link dev.junction.jaxrs.client.HttpOutbound}; error
 * statuses are {@link dev.junction.jaxrs.client.HttpStatusException}s, the two timeouts
 * {@link dev.junction.jaxrs.client.ConnectTimeoutException} and {@link dev.junction.jaxrs.client.ReadTimeoutException}.
 */
package dev.junction.jaxrs.client;

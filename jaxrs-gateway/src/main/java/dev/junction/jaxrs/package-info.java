/**
 * HTTP inbound gateways and inbound channel adapters on Jakarta REST: requests become messages, replies become
 * responses, with no resource class written by the application.
 *
 * <p>Declare gateways through {@link dev.junction.jaxrs.HttpInboundGateways} and serve them with
 * {@link dev.junction.jaxrs.JunctionHttpApplication}; the message headers are in
 * {@link dev.junction.jaxrs.HttpMessageHeaders}, the header mapping in {@link dev.junction.jaxrs.HttpHeaderMapper}.
 * Under CDI, a {@code Declaration} bean declares them on {@link dev.junction.jaxrs.HttpInboundGateways#of}, and a
 * subclass of {@link dev.junction.jaxrs.JunctionHttpApplication} made without gateways serves them. The outbound side
 * is in {@code dev.junction.jaxrs.client}.
 */
package dev.junction.jaxrs;

/**
 * HTTP inbound gateways and inbound channel adapters on Jakarta REST: requests become messages, replies become
 * responses, with no resource class written by the application.
 *
 * <p>Declare gateways through {@link dev.junction.jaxrs.HttpInboundGateways} and serve them with
 * {@link dev.junction.jaxrs.JunctionHttpApplication}; the message headers are in
 * {@link dev.junction.jaxrs.HttpMessageHeaders}, the header mapping in {@link dev.junction.jaxrs.HttpHeaderMapper}.
 */
package dev.junction.jaxrs;

/**
 * HTTP gateways under CDI: the portable extension that turns the annotations of {@code dev.junction.jaxrs.annotation}
 * into declarations on the deployment's runtime.
 */
package dev.junction.jaxrs.cdi;

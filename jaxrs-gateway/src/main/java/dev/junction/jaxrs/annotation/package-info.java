/**
 * Annotations declaring HTTP inbound gateways and adapters on CDI beans, beside {@code Declaration} beans; the
 * portable extension {@code dev.junction.jaxrs.cdi.HttpAnnotationsExtension} turns them into the same declarations.
 */
package dev.junction.jaxrs.annotation;

package dev.junction.cdi;

import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint method of a CDI bean ({@link ServiceActivator @ServiceActivator} in this version), as found
 * during discovery. Immutable; the attributes are copied from the annotations.
 *
 * @param bean          the bean declaring the method, whose contextual reference the endpoint invokes
 * @param method        the endpoint method
 * @param id            the endpoint id: the annotation's, else {@code BeanClassSimpleName.methodName}
 * @param inputChannel  the input channel name (empty when missing: a deployment problem)
 * @param outputChannel the output channel name, or empty for the {@code replyChannel} header
 * @param requiresReply whether returning {@code null} is an error
 * @param order         the position among the input channel's subscribers
 * @param autoStartup   whether the endpoint starts with the application
 * @param poller        the method's {@link Poller @Poller}, if any
 */
public record EndpointDescriptor(Bean<?> bean, Method method, String id, String inputChannel, String outputChannel,
        boolean requiresReply, int order, boolean autoStartup, Optional<Poller> poller) {

    public EndpointDescriptor {
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inputChannel, "inputChannel");
        Objects.requireNonNull(outputChannel, "outputChannel");
        Objects.requireNonNull(poller, "poller");
    }

    /**
     * @param bean      the bean declaring the method
     * @param method    the method, as the container's annotated type reports it
     * @param activator its annotation
     * @param poller    its poller annotation, or {@code null}
     * @return the description
     */
    public static EndpointDescriptor serviceActivator(Bean<?> bean, Method method, ServiceActivator activator,
            Poller poller) {
        String id = activator.id().isEmpty()
                ? bean.getBeanClass().getSimpleName() + "." + method.getName()
                : activator.id();
        return new EndpointDescriptor(bean, method, id, activator.inputChannel(), activator.outputChannel(),
                activator.requiresReply(), activator.order(), activator.autoStartup(), Optional.ofNullable(poller));
    }

    /** @return {@code com.example.Barista#prepare}, how problems name the method */
    public String describeMethod() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }
}

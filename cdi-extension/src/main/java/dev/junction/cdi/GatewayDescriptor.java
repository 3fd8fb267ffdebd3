package dev.junction.cdi;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the extension learned about one {@link MessagingGateway @MessagingGateway} interface during discovery:
 * the interface, its bean name (if any), its scope and the channel names it refers to. Immutable.
 *
 * @param type         the gateway interface, also the synthetic bean's type and bean class
 * @param name         the gateway's name, the bean's {@code @Named} value, if the annotation sets one
 * @param scope        the scope annotation found on the interface, else {@link Dependent}
 * @param channelNames every channel name the interface and its methods refer to
 * @param intercepted  whether the interface or one of its methods carries a CDI interceptor binding
 */
record GatewayDescriptor(Class<?> type, Optional<String> name, Class<? extends Annotation> scope,
        Set<String> channelNames, boolean intercepted) {

    public GatewayDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        channelNames = Set.copyOf(channelNames);
    }

    /**
     * @param annotatedType the interface as the container sees it (annotations possibly changed by extensions)
     * @param beanManager   tells scope annotations from others
     * @return the description of the gateway interface
     */
    public static GatewayDescriptor of(AnnotatedType<?> annotatedType, BeanManager beanManager) {
        Class<?> type = annotatedType.getJavaClass();
        MessagingGateway gateway = annotatedType.getAnnotation(MessagingGateway.class);
        Class<? extends Annotation> scope = Dependent.class;
        for (Annotation annotation : annotatedType.getAnnotations()) {
            if (beanManager.isScope(annotation.annotationType())) {
                scope = annotation.annotationType();
            }
        }
        Set<String> channels = new LinkedHashSet<>();
        Optional<String> name = Optional.empty();
        if (gateway != null) {
            name = gateway.name().isEmpty() ? Optional.empty() : Optional.of(gateway.name());
            addIfSet(channels, gateway.defaultRequestChannel());
            addIfSet(channels, gateway.defaultReplyChannel());
            addIfSet(channels, gateway.errorChannel());
        }
        for (Method method : type.getMethods()) {
            Gateway perMethod = method.getAnnotation(Gateway.class);
            if (perMethod != null) {
                addIfSet(channels, perMethod.requestChannel());
                addIfSet(channels, perMethod.replyChannel());
            }
        }
        return new GatewayDescriptor(type, name, scope, channels, hasInterceptorBinding(annotatedType, beanManager));
    }

    private static boolean hasInterceptorBinding(AnnotatedType<?> annotatedType, BeanManager beanManager) {
        if (bindsInterceptor(annotatedType.getAnnotations(), beanManager)) {
            return true;
        }
        for (AnnotatedMethod<?> method : annotatedType.getMethods()) {
            if (bindsInterceptor(method.getAnnotations(), beanManager)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bindsInterceptor(Set<Annotation> annotations, BeanManager beanManager) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (beanManager.isInterceptorBinding(type)
                    || (beanManager.isStereotype(type) && bindsInterceptor(beanManager.getStereotypeDefinition(type),
                            beanManager))) {
                return true;
            }
        }
        return false;
    }

    private static void addIfSet(Set<String> names, String name) {
        if (!name.isEmpty()) {
            names.add(name);
        }
    }
}

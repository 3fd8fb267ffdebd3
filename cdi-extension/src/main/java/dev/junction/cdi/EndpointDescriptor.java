package dev.junction.cdi;

import dev.junction.api.annotation.BridgeFrom;
import dev.junction.api.annotation.BridgeTo;
import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One endpoint declared on a method of a CDI bean, as found during discovery: a {@link ServiceActivator},
 * {@link Transformer}, {@link Filter}, {@link Router} or {@link InboundChannelAdapter} method, or a bridge
 * ({@link BridgeFrom}, {@link BridgeTo}) on a channel producer method. Immutable; the attributes are copied from
 * the annotations, the kind-specific ones into {@link #kind()}.
 *
 * @param bean          the bean declaring the method, whose contextual reference the endpoint invokes
 * @param method        the endpoint method
 * @param id            the endpoint id: the annotation's, else {@code BeanClassSimpleName.methodName}
 * @param inputChannel  the input channel name (empty when missing: a deployment problem; always empty for an
 *                      inbound adapter)
 * @param outputChannel the output channel name, or empty for the {@code replyChannel} header; an inbound
 *                      adapter's channel
 * @param requiresReply whether returning {@code null} is an error
 * @param order         the position among the input channel's subscribers
 * @param autoStartup   whether the endpoint starts with the application
 * @param poller        the method's {@link Poller @Poller}, if any
 * @param kind          the kind of endpoint, with its own attributes
 * @param adviceChain   the names of the advice beans around its handling, outermost first (empty: none)
 * @param discardWithinAdvice for a filter with advices: whether it discards inside them
 * @param idempotentReceiver the method's {@link IdempotentReceiver}, kept for the kinds that take it (a service
 *                      activator, a transformer, a filter)
 */
record EndpointDescriptor(Bean<?> bean, Method method, String id, String inputChannel, String outputChannel,
        boolean requiresReply, int order, boolean autoStartup, Optional<Poller> poller, EndpointKind kind,
        List<String> adviceChain, boolean discardWithinAdvice, Optional<IdempotentReceiver> idempotentReceiver) {

    /** An endpoint without advices. */
    EndpointDescriptor(Bean<?> bean, Method method, String id, String inputChannel, String outputChannel,
            boolean requiresReply, int order, boolean autoStartup, Optional<Poller> poller, EndpointKind kind) {
        this(bean, method, id, inputChannel, outputChannel, requiresReply, order, autoStartup, poller, kind, List.of(),
                true, Optional.empty());
    }

    public EndpointDescriptor {
        adviceChain = List.copyOf(adviceChain);
        Objects.requireNonNull(bean, "bean");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inputChannel, "inputChannel");
        Objects.requireNonNull(outputChannel, "outputChannel");
        Objects.requireNonNull(poller, "poller");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotentReceiver, "idempotentReceiver");
    }

    /**
     * Describes the endpoints one method declares: none, one, a {@link EndpointKind.Conflict} when it carries
     * several endpoint annotations, and up to two bridges on a channel producer method.
     *
     * @param bean   the managed bean declaring the method
     * @param method the method, as the container's annotated type reports it (annotations may have been changed by
     *               extensions)
     * @return the descriptions, possibly empty
     */
    public static List<EndpointDescriptor> discover(Bean<?> bean, AnnotatedMethod<?> method) {
        Method member = method.getJavaMember();
        Poller poller = method.getAnnotation(Poller.class);
        Optional<IdempotentReceiver> idempotent = Optional.ofNullable(method.getAnnotation(IdempotentReceiver.class));
        List<EndpointDescriptor> found = new ArrayList<>();
        ServiceActivator activator = method.getAnnotation(ServiceActivator.class);
        if (activator != null) {
            found.add(serviceActivator(bean, member, activator, poller, idempotent));
        }
        Transformer transformer = method.getAnnotation(Transformer.class);
        if (transformer != null) {
            found.add(new EndpointDescriptor(bean, member, id(bean, member, transformer.id()),
                    transformer.inputChannel(), transformer.outputChannel(), true, transformer.order(),
                    transformer.autoStartup(), Optional.ofNullable(poller), new EndpointKind.Transformer(),
                    List.of(transformer.adviceChain()), true, idempotent));
        }
        Filter filter = method.getAnnotation(Filter.class);
        if (filter != null) {
            found.add(new EndpointDescriptor(bean, member, id(bean, member, filter.id()), filter.inputChannel(),
                    filter.outputChannel(), false, filter.order(), filter.autoStartup(), Optional.ofNullable(poller),
                    new EndpointKind.Filter(filter.discardChannel(), filter.throwExceptionOnRejection()),
                    List.of(filter.adviceChain()), filter.discardWithinAdvice(), idempotent));
        }
        Router router = method.getAnnotation(Router.class);
        if (router != null) {
            found.add(router(bean, member, router, poller));
        }
        InboundChannelAdapter adapter = method.getAnnotation(InboundChannelAdapter.class);
        if (adapter != null) {
            found.add(new EndpointDescriptor(bean, member, id(bean, member, adapter.id()), "", adapter.channel(),
                    false, Integer.MAX_VALUE, adapter.autoStartup(), Optional.ofNullable(poller),
                    new EndpointKind.InboundAdapter()));
        }
        if (found.size() > 1) {
            List<String> annotations = found.stream().map(endpoint -> endpoint.kind().annotation()).toList();
            found = new ArrayList<>(List.of(new EndpointDescriptor(bean, member, id(bean, member, ""), "", "", false,
                    Integer.MAX_VALUE, false, Optional.ofNullable(poller), new EndpointKind.Conflict(annotations))));
        }
        found.addAll(bridges(bean, method, poller));
        return found;
    }

    private static EndpointDescriptor router(Bean<?> bean, Method method, Router router, Poller poller) {
        Map<String, String> mappings = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String mapping : router.channelMappings()) {
            int equals = mapping.indexOf('=');
            String key = equals < 0 ? "" : mapping.substring(0, equals).trim();
            String channel = equals < 0 ? "" : mapping.substring(equals + 1).trim();
            if (key.isEmpty() || channel.isEmpty() || mappings.containsKey(key)) {
                invalid.add(mapping);
            } else {
                mappings.put(key, channel);
            }
        }
        return new EndpointDescriptor(bean, method, id(bean, method, router.id()), router.inputChannel(), "", false,
                router.order(), router.autoStartup(), Optional.ofNullable(poller), new EndpointKind.Router(
                        router.defaultOutputChannel(), router.resolutionRequired(), mappings, invalid));
    }

    /** A bridge's produced channel: the method's {@code @Channel} if it is a producer method, else empty. */
    private static List<EndpointDescriptor> bridges(Bean<?> bean, AnnotatedMethod<?> method, Poller poller) {
        BridgeFrom from = method.getAnnotation(BridgeFrom.class);
        BridgeTo to = method.getAnnotation(BridgeTo.class);
        if (from == null && to == null) {
            return List.of();
        }
        Channel channel = method.getAnnotation(Channel.class);
        String produced = method.isAnnotationPresent(Produces.class) && channel != null ? channel.value() : "";
        String prefix = produced.isEmpty() ? id(bean, method.getJavaMember(), "") : produced;
        boolean both = from != null && to != null;
        List<EndpointDescriptor> bridges = new ArrayList<>(2);
        if (from != null) {
            bridges.add(new EndpointDescriptor(bean, method.getJavaMember(), prefix + ".bridgeFrom", from.value(),
                    produced, false, Integer.MAX_VALUE, from.autoStartup(), Optional.ofNullable(poller),
                    new EndpointKind.Bridge(produced, true, both)));
        }
        if (to != null) {
            bridges.add(new EndpointDescriptor(bean, method.getJavaMember(), prefix + ".bridgeTo", produced,
                    to.value(), false, Integer.MAX_VALUE, to.autoStartup(), Optional.ofNullable(poller),
                    new EndpointKind.Bridge(produced, false, both)));
        }
        return bridges;
    }

    private static String id(Bean<?> bean, Method method, String declared) {
        return declared.isEmpty() ? bean.getBeanClass().getSimpleName() + "." + method.getName() : declared;
    }

    /**
     * @param bean      the bean declaring the method
     * @param method    the method, as the container's annotated type reports it
     * @param activator its annotation
     * @param poller    its poller annotation, or {@code null}
     * @param idempotent its idempotent receiver annotation, if any
     * @return the description
     */
    public static EndpointDescriptor serviceActivator(Bean<?> bean, Method method, ServiceActivator activator,
            Poller poller, Optional<IdempotentReceiver> idempotent) {
        return new EndpointDescriptor(bean, method, id(bean, method, activator.id()), activator.inputChannel(),
                activator.outputChannel(), activator.requiresReply(), activator.order(), activator.autoStartup(),
                Optional.ofNullable(poller), new EndpointKind.ServiceActivator(), List.of(activator.adviceChain()), true,
                idempotent);
    }

    /** @return every channel name the endpoint refers to (empty names left out), to be created if undeclared */
    public List<String> channelNames() {
        Stream.Builder<String> names = Stream.builder();
        names.add(inputChannel).add(outputChannel);
        poller.ifPresent(p -> names.add(p.errorChannel()));
        if (kind instanceof EndpointKind.Filter filter) {
            names.add(filter.discardChannel());
        } else if (kind instanceof EndpointKind.Router router) {
            names.add(router.defaultOutputChannel());
            router.channelMappings().values().forEach(names::add);
        }
        return names.build().filter(name -> !name.isEmpty()).distinct().toList();
    }

    /** @return this description with the poller left out (a shared bridge poller on the bridge that needs none) */
    public EndpointDescriptor withoutPoller() {
        return new EndpointDescriptor(bean, method, id, inputChannel, outputChannel, requiresReply, order, autoStartup,
                Optional.empty(), kind, adviceChain, discardWithinAdvice, idempotentReceiver);
    }

    /** @return {@code com.example.Barista#prepare}, how problems name the method */
    public String describeMethod() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }
}

package dev.junction.cdi;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bean types of every channel bean, and the check that each {@link Channel @Channel} injection point asks for
 * one of them. Without the check, asking for a type the channel does not have (a {@code PollableChannel} of a
 * channel nobody declares, which is therefore a direct channel) ends in the container's generic "unsatisfied
 * dependency"; with it, the problem ({@value DeploymentValidator#CHANNEL_TYPE_MISMATCH}) says what the channel is and
 * how to get the type wanted.
 *
 * <p>The problem is reported at deployment validation with all the others. Until then the container must not find
 * the point unsatisfied, for it would fail the deployment first, alone and uncoded: each mismatch therefore gets a
 * {@linkplain #addPlaceholders placeholder bean} of exactly the type asked for, which is never created. So do the
 * points the container would find ambiguous because a channel is declared twice.
 */
final class ChannelBeanTypes {

    /** The types of a channel Junction creates because it is referred to and nobody declares it. */
    static final Set<Type> SYNTHESIZED = types(DirectChannel.class, SubscribableChannel.class,
            InterceptableChannel.class);
    /** The types of the built-in channels. */
    static final Map<String, Set<Type>> BUILT_IN = Map.of(
            NullChannel.NAME, types(NullChannel.class, PollableChannel.class),
            ErrorChannel.NAME, types(ErrorChannel.class, SubscribableChannel.class, InterceptableChannel.class));

    private ChannelBeanTypes() {
    }

    /** @return the classes, with {@code MessageChannel} and {@code Object} */
    static Set<Type> types(Class<?>... classes) {
        Set<Type> all = new LinkedHashSet<>(List.of(classes));
        all.add(MessageChannel.class);
        all.add(Object.class);
        return Set.copyOf(all);
    }

    /**
     * A {@code @Channel} injection point asking for a type its channel's bean does not have.
     *
     * @param channel the channel's name
     * @param type    the type asked for
     * @param problem what is wrong and how to fix it, without the code
     */
    record Mismatch(String channel, Type type, String problem) {
    }

    /**
     * @param points the injection points qualified {@code @Channel}; only those asking for a channel type are
     *               checked, so that another bean a {@code @Channel} qualifies (a load-balancing strategy) or a
     *               dynamic lookup ({@code Instance<...>}) is left to the container
     * @return a mismatch for each point whose type its channel's bean does not have
     */
    static List<Mismatch> mismatches(ChannelDescriptors channels, List<InjectionPoint> points) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (InjectionPoint point : points) {
            String name = channelName(point.getQualifiers());
            List<Bean<?>> declared = channels.declared().getOrDefault(name, List.of());
            if (declared.size() > 1 || !isChannelType(point.getType())) {
                continue; // two declarations of one name: reported as such (JNC-0508) at deployment validation
            }
            Set<Type> types = declared.size() == 1 ? declared.get(0).getTypes()
                    : BUILT_IN.getOrDefault(name, SYNTHESIZED);
            if (!types.contains(point.getType())) {
                mismatches.add(new Mismatch(name, point.getType(), point + " asks for channel '" + name + "' as "
                        + point.getType().getTypeName() + ", but " + what(name, declared) + " has the types "
                        + names(types) + "; inject one of those"
                        + (declared.isEmpty() && !BUILT_IN.containsKey(name)
                                ? ", or declare the channel with the type you need (@Produces @Channel(\"" + name
                                        + "\") " + simpleName(point.getType()) + " ...)"
                                : ", or change the declaration's type")));
            }
        }
        return mismatches;
    }

    /**
     * Makes every {@code @Channel} injection point of a channel type resolvable despite the problems that leave it
     * without exactly one bean: a type its channel does not have (the mismatches: unsatisfied), a channel declared
     * twice, or a built-in one the application declares too (ambiguous). The container would otherwise fail the
     * deployment first with its generic error, before Junction reports these and every other problem with their codes.
     * Each such channel and type gets a bean of exactly that type, an alternative of the highest priority, so that it
     * also wins over rival declarations. It has no other type ({@code Object} neither), so it makes no other point
     * ambiguous, and it is never created: the deployment fails at validation.
     */
    static void addPlaceholders(AfterBeanDiscovery event, ChannelDescriptors channels, List<InjectionPoint> points,
            List<Mismatch> mismatches) {
        Map<String, Set<Type>> wanted = new LinkedHashMap<>();
        for (InjectionPoint point : points) {
            String name = channelName(point.getQualifiers());
            int declarations = channels.declared().getOrDefault(name, List.of()).size();
            if (isChannelType(point.getType()) && (declarations > 1
                    || declarations == 1 && ChannelDescriptors.BUILT_IN.contains(name))) {
                wanted.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(point.getType());
            }
        }
        mismatches.forEach(mismatch -> wanted.computeIfAbsent(mismatch.channel(), n -> new LinkedHashSet<>())
                .add(mismatch.type()));
        wanted.forEach((name, types) -> types.forEach(type -> event.addBean()
                .beanClass(ChannelBeanTypes.class)
                .types(type)
                .scope(Dependent.class)
                .qualifiers(Any.Literal.INSTANCE, Channel.Literal.of(name))
                .alternative(true)
                .priority(Integer.MAX_VALUE)
                .createWith(context -> {
                    throw new IllegalStateException("The @Channel(\"" + name + "\") " + type.getTypeName()
                            + " bean stands in for a channel this deployment cannot provide (see its "
                            + DeploymentValidator.INVALID_CHANNEL + " and " + DeploymentValidator.CHANNEL_TYPE_MISMATCH
                            + " problems) and is never created");
                })));
    }

    private static boolean isChannelType(Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        return raw instanceof Class<?> rawClass && MessageChannel.class.isAssignableFrom(rawClass);
    }

    private static String what(String name, List<Bean<?>> declared) {
        if (!declared.isEmpty()) {
            return "its declaration " + declared.get(0);
        }
        return BUILT_IN.containsKey(name) ? "the built-in channel"
                : "nobody declares it, so it is a direct channel Junction creates, which";
    }

    private static String names(Set<Type> types) {
        return types.stream().filter(type -> type != Object.class).map(ChannelBeanTypes::simpleName).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> raw ? raw.getSimpleName() : type.getTypeName();
    }

    private static String channelName(Set<Annotation> qualifiers) {
        for (Annotation qualifier : qualifiers) {
            if (qualifier instanceof Channel channel) {
                return channel.value();
            }
        }
        throw new IllegalArgumentException("not a @Channel injection point: " + qualifiers);
    }
}

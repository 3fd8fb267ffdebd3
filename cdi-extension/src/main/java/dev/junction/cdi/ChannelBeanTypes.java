package dev.junction.cdi;

import dev.junction.api.annotation.Channel;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
     * @param points the injection points qualified {@code @Channel}
     * @return a problem text for each point whose type its channel's bean does not have
     */
    static List<String> mismatches(ChannelDescriptors channels, List<InjectionPoint> points) {
        List<String> problems = new ArrayList<>();
        for (InjectionPoint point : points) {
            String name = channelName(point.getQualifiers());
            List<Bean<?>> declared = channels.declared().getOrDefault(name, List.of());
            if (declared.size() > 1) {
                continue; // two declarations of one name: reported as such at deployment validation
            }
            Set<Type> types = declared.size() == 1 ? declared.get(0).getTypes()
                    : BUILT_IN.getOrDefault(name, SYNTHESIZED);
            if (!types.contains(point.getType())) {
                problems.add(DeploymentValidator.CHANNEL_TYPE_MISMATCH + " " + point + " asks for channel '" + name
                        + "' as " + point.getType().getTypeName() + ", but " + what(name, declared) + " has the types "
                        + names(types) + "; inject one of those"
                        + (declared.isEmpty() && !BUILT_IN.containsKey(name)
                                ? ", or declare the channel with the type you need (@Produces @Channel(\"" + name
                                        + "\") " + simpleName(point.getType()) + " ...)"
                                : ", or change the declaration's type"));
            }
        }
        return problems;
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

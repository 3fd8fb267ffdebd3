package dev.junction.cdi;

import dev.junction.api.annotation.Channel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import jakarta.enterprise.inject.spi.Bean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The channels of one deployment as discovery saw them: the names gateways, endpoints and {@link Channel @Channel}
 * injection points refer to, and the beans the application declares with {@code @Channel} (producers). Immutable;
 * built with a {@link Collector} during discovery.
 *
 * <p>A referenced name that no application bean declares becomes a synthetic direct channel bean;
 * {@value NullChannel#NAME} and {@value ErrorChannel#NAME} are always there (the runtime owns them).
 *
 * @param referenced every channel name referred to
 * @param declared   per name, the application beans declaring a channel of that name (normally one)
 */
record ChannelDescriptors(Set<String> referenced, Map<String, List<Bean<?>>> declared) {

    /** The channels every application has, which the runtime creates itself. */
    public static final Set<String> BUILT_IN = Set.of(NullChannel.NAME, ErrorChannel.NAME);

    public ChannelDescriptors {
        referenced = Set.copyOf(referenced);
        Map<String, List<Bean<?>>> copy = new LinkedHashMap<>();
        declared.forEach((name, beans) -> copy.put(name, List.copyOf(beans)));
        declared = Map.copyOf(copy);
    }

    /** @return the names to create as direct channels: referenced, not declared, not built in; sorted */
    public Set<String> synthesized() {
        Set<String> names = new TreeSet<>(referenced);
        names.removeAll(declared.keySet());
        names.removeAll(BUILT_IN);
        return names;
    }

    /** Gathers channel names and declarations while the container discovers beans; not thread-safe. */
    public static final class Collector {
        private final Set<String> referenced = new LinkedHashSet<>();
        private final Map<String, List<Bean<?>>> declared = new LinkedHashMap<>();

        /** Records a name referred to; empty names (attribute not set) are ignored. */
        public void reference(String name) {
            if (name != null && !name.isEmpty()) {
                referenced.add(name);
            }
        }

        /** Records an application bean declaring the channel of that name. */
        public void declare(String name, Bean<?> bean) {
            declared.computeIfAbsent(name, n -> new ArrayList<>()).add(bean);
        }

        /** @return what was gathered, frozen */
        public ChannelDescriptors freeze() {
            return new ChannelDescriptors(referenced, declared);
        }
    }
}

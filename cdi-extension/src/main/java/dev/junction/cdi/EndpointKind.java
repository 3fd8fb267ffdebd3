package dev.junction.cdi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What kind of endpoint an {@link EndpointDescriptor} describes, with the attributes only that kind has. Immutable.
 * The handler for each kind is built by {@link EndpointHandlers}.
 */
sealed interface EndpointKind {

    /** @return how problems name the annotation that declared the endpoint ({@code @Transformer}) */
    String annotation();

    /** A {@code @ServiceActivator} method. */
    record ServiceActivator() implements EndpointKind {
        @Override
        public String annotation() {
            return "@ServiceActivator";
        }
    }

    /** A {@code @Transformer} method: must return something. */
    record Transformer() implements EndpointKind {
        @Override
        public String annotation() {
            return "@Transformer";
        }
    }

    /**
     * A {@code @Filter} method: returns {@code boolean}.
     *
     * @param discardChannel   where rejected messages go, or empty
     * @param throwOnRejection whether a rejection is an error
     */
    record Filter(String discardChannel, boolean throwOnRejection) implements EndpointKind {
        public Filter {
            Objects.requireNonNull(discardChannel, "discardChannel");
        }

        @Override
        public String annotation() {
            return "@Filter";
        }
    }

    /**
     * A {@code @Router} method: returns where messages go.
     *
     * @param defaultOutputChannel where messages go that resolve to nothing, or empty
     * @param resolutionRequired   whether an unresolvable name is an error
     * @param channelMappings      key to channel name, as written in the annotation
     * @param invalidMappings      the entries that are not {@code key=channel} (a deployment problem)
     */
    record Router(String defaultOutputChannel, boolean resolutionRequired, Map<String, String> channelMappings,
            List<String> invalidMappings) implements EndpointKind {
        public Router {
            Objects.requireNonNull(defaultOutputChannel, "defaultOutputChannel");
            channelMappings = Map.copyOf(channelMappings);
            invalidMappings = List.copyOf(invalidMappings);
        }

        @Override
        public String annotation() {
            return "@Router";
        }
    }

    /** An {@code @InboundChannelAdapter} method: no input channel; the descriptor's output channel is its channel. */
    record InboundAdapter() implements EndpointKind {
        @Override
        public String annotation() {
            return "@InboundChannelAdapter";
        }
    }

    /**
     * A messaging bridge declared by {@code @BridgeFrom} or {@code @BridgeTo} on a channel producer method.
     *
     * @param producedChannel the {@code @Channel} of the producer, or empty when the method is no channel producer
     * @param from            {@code true} for {@code @BridgeFrom}, {@code false} for {@code @BridgeTo}
     * @param sharesPoller    whether the producer declares both bridges, so its {@code @Poller} serves only the one
     *                        whose input is pollable
     */
    record Bridge(String producedChannel, boolean from, boolean sharesPoller) implements EndpointKind {
        public Bridge {
            Objects.requireNonNull(producedChannel, "producedChannel");
        }

        @Override
        public String annotation() {
            return from ? "@BridgeFrom" : "@BridgeTo";
        }
    }

    /**
     * A method carrying several endpoint annotations (a deployment problem; never wired).
     *
     * @param annotations the annotations found
     */
    record Conflict(List<String> annotations) implements EndpointKind {
        public Conflict {
            annotations = List.copyOf(annotations);
        }

        @Override
        public String annotation() {
            return String.join(" and ", annotations);
        }
    }
}

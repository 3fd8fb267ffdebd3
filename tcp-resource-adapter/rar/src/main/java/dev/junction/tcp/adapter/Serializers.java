package dev.junction.tcp.adapter;

import dev.junction.tcp.codec.FrameCodec;
import dev.junction.tcp.codec.FrameCodecs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names the {@code serializer} property takes, each naming one of {@link FrameCodecs}: a property is a string
 * in a deployment descriptor, so the codecs need names. Case does not matter.
 */
final class Serializers {

    private static final Map<String, FrameCodec> BY_NAME = Map.of(
            "crlf", FrameCodecs.crlf(),
            "lf", FrameCodecs.lf(),
            "stx-etx", FrameCodecs.stxEtx(),
            "length-header-1", FrameCodecs.lengthHeader(1),
            "length-header-2", FrameCodecs.lengthHeader(2),
            "length-header-4", FrameCodecs.lengthHeader(4),
            "raw", FrameCodecs.raw());

    /** The names, for messages. */
    static final String NAMES = "crlf, lf, stx-etx, length-header-1, length-header-2, length-header-4, raw";

    private Serializers() {
    }

    /** @return the codec the name stands for; empty when it names none */
    static Optional<FrameCodec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}

package dev.junction.tcp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.tcp.codec.Feeder.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.integration.ip.tcp.serializer.AbstractByteArraySerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayCrLfSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayLengthHeaderSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayLfSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayRawSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArraySingleTerminatorSerializer;
import org.springframework.integration.ip.tcp.serializer.ByteArrayStxEtxSerializer;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Each codec against Spring Integration's serializer of the same format, the TCP peer many users already run:
 * what Spring writes, Junction decodes (whole and in random reads), and what Junction writes, Spring reads back.
 * Streams stay in memory; no socket is involved.
 */
class SpringInteroperabilityTest {

    /**
     * Spring's own maximum is generous here on purpose: its terminator deserializers accept one byte less than
     * their configured maximum (two for CRLF, whose buffer also holds the {@code \r}), which would only blur what
     * these tests check, the wire format.
     */
    private static final int SPRING_MAX = 1 << 20;

    private static final int MAX = 4096;

    private static AbstractByteArraySerializer spring(CodecVariant variant) {
        AbstractByteArraySerializer serializer = switch (variant) {
            case CRLF -> new ByteArrayCrLfSerializer();
            case LF -> new ByteArrayLfSerializer();
            case TERMINATOR_NUL -> new ByteArraySingleTerminatorSerializer((byte) 0x00);
            case STX_ETX -> new ByteArrayStxEtxSerializer();
            // the header sizes are Spring's too: 1 (unsigned byte), 2 (unsigned short), 4 (int)
            case LENGTH_1 -> new ByteArrayLengthHeaderSerializer(1);
            case LENGTH_2 -> new ByteArrayLengthHeaderSerializer(2);
            case LENGTH_4 -> new ByteArrayLengthHeaderSerializer(4);
            case LENGTH_1_INCLUSIVE -> new ByteArrayLengthHeaderSerializer(1).inclusive();
            case LENGTH_2_INCLUSIVE -> new ByteArrayLengthHeaderSerializer(2).inclusive();
            case LENGTH_4_INCLUSIVE -> new ByteArrayLengthHeaderSerializer(4).inclusive();
            case RAW -> new ByteArrayRawSerializer();
        };
        serializer.setMaxMessageSize(SPRING_MAX);
        return serializer;
    }

    /** Payloads of every kind the format allows: text, empty, framing bytes inside, binary, long ones. */
    private static List<byte[]> payloads(CodecVariant variant) {
        Random random = new Random(variant.ordinal());
        List<byte[]> payloads = new ArrayList<>();
        payloads.add("hello, world".getBytes());
        if (variant.emptyPayloads) {
            payloads.add(new byte[0]);
        }
        payloads.add(variant.makeFramable(new byte[] {'\r', 0x02, 'a', '\n', 0x03, 0x00, (byte) 0xff, '\r'}));
        for (int i = 0; i < 30; i++) {
            payloads.add(variant.payload(random, random.nextInt(Math.min(MAX, variant.formatLimit()) + 1)));
        }
        payloads.add(variant.payload(random, Math.min(MAX, variant.formatLimit())));
        if (variant.oneFramePerStream) {
            // one raw frame per stream: the longest, full of framing bytes of the other formats
            return List.of(payloads.get(payloads.size() - 1));
        }
        return payloads;
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void framesWrittenBySpringDecodeWithJunction(CodecVariant variant) throws IOException {
        List<byte[]> payloads = payloads(variant);
        AbstractByteArraySerializer spring = spring(variant);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            spring.serialize(payload, wire);
        }
        byte[] stream = wire.toByteArray();
        Feeder feeder = new Feeder(variant, MAX);

        Outcome whole = feeder.feedWhole(stream);
        assertThat(whole.failure()).isNull();
        assertThat(whole.asStrings()).isEqualTo(strings(payloads));

        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Outcome pieces = feeder.feed(stream, Feeder.randomChunks(random, stream.length));
            assertThat(pieces.failure()).isNull();
            assertThat(pieces.asStrings()).isEqualTo(strings(payloads));
        }
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void framesWrittenByJunctionDeserializeWithSpring(CodecVariant variant) throws IOException {
        List<byte[]> payloads = payloads(variant);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            wire.writeBytes(variant.codec.encode(payload));
        }
        AbstractByteArraySerializer spring = spring(variant);
        ByteArrayInputStream in = new ByteArrayInputStream(wire.toByteArray());

        List<byte[]> read = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            read.add(spring.deserialize(in));
        }

        assertThat(strings(read)).isEqualTo(strings(payloads));
        // and the stream ends cleanly, between frames, for Spring too
        assertThat(in.available()).isZero();
        assertThatThrownBy(() -> spring.deserialize(in)).isInstanceOf(SoftEndOfStreamException.class);
    }

    /**
     * Where the two sides differ: for the same configured maximum, Spring's terminator and STX/ETX deserializers
     * refuse a payload of exactly that size (CRLF: from one byte less), which Junction accepts; length headers and
     * raw streams are held to the same limit by both. Users moving a limit across should leave that margin.
     */
    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void atTheSameMaximumSpringAcceptsAtMostWhatJunctionAccepts(CodecVariant variant) {
        int max = 100;
        int springLargest = switch (variant) {
            case CRLF -> max - 2;
            case LF, TERMINATOR_NUL, STX_ETX -> max - 1;
            default -> max;
        };
        AbstractByteArraySerializer spring = spring(variant);
        spring.setMaxMessageSize(max);

        assertThat(largestAccepted(variant, max, payload -> {
            try {
                return spring.deserialize(new ByteArrayInputStream(payload)) != null;
            } catch (IOException e) {
                return false;
            }
        })).isEqualTo(springLargest);
        assertThat(largestAccepted(variant, max, payload -> !new Feeder(variant, max).feedWhole(payload).failed()))
                .isEqualTo(max);
    }

    /** @return the longest payload, near the maximum, whose frame {@code accepts} takes */
    private static int largestAccepted(CodecVariant variant, int max, Predicate<byte[]> accepts) {
        int length = max + 1;
        while (length > 0 && !accepts.test(variant.codec.encode(variant.payload(new Random(length), length)))) {
            length--;
        }
        return length;
    }

    private static List<String> strings(List<byte[]> payloads) {
        return payloads.stream().map(Arrays::toString).toList();
    }
}

package dev.junction.tcp.codec;

import dev.junction.tcp.codec.Feeder.BufferKind;
import dev.junction.tcp.codec.Feeder.Outcome;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deterministic fuzzing: for each codec, a fixed number of streams from a fixed seed (random bytes, valid frames,
 * mutated frames, frames among garbage), fed in random pieces through every kind of read buffer. Each stream is
 * also parsed whole by a deliberately naive reference parser, and the decoder must agree with it exactly: the
 * same payloads, then the same verdict (a clean end or a {@link FrameException}). Along the way {@link Feeder}
 * checks that every call makes progress, that no payload exceeds the maximum, that the decoder keeps at most the
 * maximum plus framing, and that nothing but a {@code FrameException} is ever thrown.
 */
class FrameCodecFuzzTest {

    private static final int STREAMS_PER_CODEC = 30_000;
    private static final long SEED = 0x7C0DEC5L;

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void decodersAgreeWithAWholeStreamParserOnRandomAndMutatedStreams(CodecVariant variant) {
        Random random = new Random(SEED + variant.ordinal());
        List<Feeder> feeders = Arrays.stream(BufferKind.values()).map(kind -> new Feeder(variant, 1, kind)).toList();
        for (int i = 0; i < STREAMS_PER_CODEC; i++) {
            int max = 1 + random.nextInt(random.nextInt(8) == 0 ? 300 : 40);
            int mode = random.nextInt(4);
            byte[] stream = stream(variant, random, max, mode);
            int[] reads = Feeder.randomChunks(random, stream.length);
            BufferKind kind = BufferKind.values()[random.nextInt(BufferKind.values().length)];
            int readOffset = random.nextInt(3);
            try {
                AbstractFrameDecoder decoder = (AbstractFrameDecoder) variant.codec.newDecoder(max);
                Outcome actual = feeders.get(kind.ordinal()).feed(decoder, stream, reads, readOffset, true);
                Expected expected = ReferenceParser.parse(variant, stream, max);
                check(actual, expected, mode == 1 && !expected.oversize);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format("%s, stream %d (mode %d, max %d, %s reads %s at offset %d): "
                        + "%s%n  stream: %s", variant, i, mode, max, kind, Arrays.toString(reads), readOffset,
                        e.getMessage(), HexFormat.ofDelimiter(" ").formatHex(stream)), e);
            }
        }
    }

    private static void check(Outcome actual, Expected expected, boolean mustBeValid) {
        if (!samePayloads(actual.payloads(), expected.payloads)) {
            Feeder.fail("payloads " + actual.asStrings() + ", the reference parser says "
                    + expected.payloads.stream().map(Arrays::toString).toList());
        }
        if (actual.failed() != expected.refused) {
            Feeder.fail(actual.failed()
                    ? "refused (" + actual.failure().getMessage() + "), the reference parser accepts the stream"
                    : "accepted, the reference parser refuses the stream");
        }
        Feeder.check(!mustBeValid || !expected.refused, "the reference parser refuses frames the codec encoded");
        if (actual.failed()) {
            Feeder.check(!actual.failure().getMessage().isBlank(), "a refusal without a message");
            Feeder.check(actual.failure().getOffendingLength() >= 0, "a negative offending length");
        }
    }

    private static boolean samePayloads(List<byte[]> actual, List<byte[]> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!Arrays.equals(actual.get(i), expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Mode 0: random bytes rich in framing bytes; 1: valid frames (some over the maximum); 2: valid frames with a
     * few mutations (a byte changed, inserted or deleted, a slice repeated, the end cut); 3: frames among garbage.
     */
    private static byte[] stream(CodecVariant variant, Random random, int max, int mode) {
        return switch (mode) {
            case 0 -> randomBytes(random, random.nextInt(3 * max + 10));
            case 1 -> frames(variant, random, max);
            case 2 -> mutate(random, frames(variant, random, max));
            default -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(randomBytes(random, random.nextInt(4)));
                out.writeBytes(frames(variant, random, max));
                out.writeBytes(randomBytes(random, random.nextInt(4)));
                out.writeBytes(frames(variant, random, max));
                yield out.toByteArray();
            }
        };
    }

    private static byte[] frames(CodecVariant variant, Random random, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = variant.oneFramePerStream ? 1 : random.nextInt(6);
        for (int i = 0; i < count; i++) {
            // mostly within the maximum, sometimes right at it or just over it
            int length = switch (random.nextInt(6)) {
                case 0 -> max;
                case 1 -> max + 1 + random.nextInt(3);
                default -> random.nextInt(max + 1);
            };
            out.writeBytes(variant.codec.encode(variant.payload(random, Math.min(length, variant.formatLimit()))));
        }
        return out.toByteArray();
    }

    private static byte[] mutate(Random random, byte[] stream) {
        byte[] mutated = stream;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = mutated.length == 0 ? 0 : random.nextInt(mutated.length);
            mutated = switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] changed = mutated.clone();
                    if (changed.length > 0) {
                        changed[at] = randomByte(random);
                    }
                    yield changed;
                }
                case 1 -> splice(mutated, at, 0, new byte[] {randomByte(random)});
                case 2 -> mutated.length == 0 ? mutated : splice(mutated, at, 1, new byte[0]);
                case 3 -> splice(mutated, at, 0, Arrays.copyOfRange(mutated, at,
                        Math.min(mutated.length, at + 1 + random.nextInt(8))));
                default -> Arrays.copyOf(mutated, at);
            };
        }
        return mutated;
    }

    private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, at);
        out.writeBytes(insert);
        out.write(data, at + remove, data.length - at - remove);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = randomByte(random);
        }
        return bytes;
    }

    private static byte randomByte(Random random) {
        return random.nextBoolean() ? CodecVariant.INTERESTING[random.nextInt(CodecVariant.INTERESTING.length)]
                : (byte) random.nextInt(256);
    }

    /** What the reference parser makes of a whole stream. */
    private record Expected(List<byte[]> payloads, boolean refused, boolean oversize) {
    }

    /**
     * Parses a stream held whole, with indexes into one array: none of the decoders' incremental state, so a
     * decoder that loses track across reads disagrees with it.
     */
    private static final class ReferenceParser {

        private final List<byte[]> payloads = new ArrayList<>();

        static Expected parse(CodecVariant variant, byte[] stream, int max) {
            ReferenceParser parser = new ReferenceParser();
            Verdict verdict = switch (variant) {
                case CRLF -> parser.terminated(stream, max, new byte[] {'\r', '\n'});
                case LF -> parser.terminated(stream, max, new byte[] {'\n'});
                case TERMINATOR_NUL -> parser.terminated(stream, max, new byte[] {0});
                case STX_ETX -> parser.stxEtx(stream, max);
                case LENGTH_1 -> parser.lengthHeader(stream, max, 1, false);
                case LENGTH_2 -> parser.lengthHeader(stream, max, 2, false);
                case LENGTH_4 -> parser.lengthHeader(stream, max, 4, false);
                case LENGTH_1_INCLUSIVE -> parser.lengthHeader(stream, max, 1, true);
                case LENGTH_2_INCLUSIVE -> parser.lengthHeader(stream, max, 2, true);
                case LENGTH_4_INCLUSIVE -> parser.lengthHeader(stream, max, 4, true);
                case RAW -> parser.raw(stream, max);
            };
            return new Expected(parser.payloads, verdict != Verdict.CLEAN_END, verdict == Verdict.OVERSIZE);
        }

        private enum Verdict { CLEAN_END, MALFORMED, OVERSIZE }

        private Verdict terminated(byte[] s, int max, byte[] terminator) {
            int p = 0;
            while (p < s.length) {
                int end = indexOf(s, terminator, p);
                if (end < 0) {
                    return Verdict.MALFORMED;
                }
                if (end - p > max) {
                    return Verdict.OVERSIZE;
                }
                payloads.add(Arrays.copyOfRange(s, p, end));
                p = end + terminator.length;
            }
            return Verdict.CLEAN_END;
        }

        private Verdict stxEtx(byte[] s, int max) {
            int p = 0;
            while (p < s.length) {
                if (s[p] != 0x02) {
                    return Verdict.MALFORMED;
                }
                int end = indexOf(s, new byte[] {0x03}, p + 1);
                if (end < 0) {
                    return Verdict.MALFORMED;
                }
                if (end - p - 1 > max) {
                    return Verdict.OVERSIZE;
                }
                payloads.add(Arrays.copyOfRange(s, p + 1, end));
                p = end + 1;
            }
            return Verdict.CLEAN_END;
        }

        private Verdict lengthHeader(byte[] s, int max, int header, boolean inclusive) {
            int p = 0;
            while (p < s.length) {
                if (s.length - p < header) {
                    return Verdict.MALFORMED;
                }
                long value = 0;
                for (int i = 0; i < header; i++) {
                    value = value << 8 | (s[p + i] & 0xff);
                }
                if (header == 4) {
                    value = (int) value;
                }
                long length = inclusive ? value - header : value;
                if (value < 0 || length < 0) {
                    return Verdict.MALFORMED;
                }
                if (length > max) {
                    return Verdict.OVERSIZE;
                }
                if (s.length - p - header < length) {
                    return Verdict.MALFORMED;
                }
                payloads.add(Arrays.copyOfRange(s, p + header, p + header + (int) length));
                p += header + (int) length;
            }
            return Verdict.CLEAN_END;
        }

        private Verdict raw(byte[] s, int max) {
            if (s.length > max) {
                return Verdict.OVERSIZE;
            }
            if (s.length > 0) {
                payloads.add(s.clone());
            }
            return Verdict.CLEAN_END;
        }

        private static int indexOf(byte[] data, byte[] sequence, int from) {
            for (int i = from; i <= data.length - sequence.length; i++) {
                if (Arrays.equals(data, i, i + sequence.length, sequence, 0, sequence.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}

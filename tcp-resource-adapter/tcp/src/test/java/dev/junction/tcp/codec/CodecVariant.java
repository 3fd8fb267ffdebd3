package dev.junction.tcp.codec;

import java.util.List;
import java.util.Random;

/** One codec under test, with what the tests need to know about its format. */
enum CodecVariant {

    CRLF(FrameCodecs.crlf(), 1, true, false),
    LF(FrameCodecs.lf(), 0, true, false),
    TERMINATOR_NUL(FrameCodecs.terminator((byte) 0x00), 0, true, false),
    STX_ETX(FrameCodecs.stxEtx(), 0, true, false),
    LENGTH_1(FrameCodecs.lengthHeader(1), 0, true, false),
    LENGTH_2(FrameCodecs.lengthHeader(2), 1, true, false),
    LENGTH_4(FrameCodecs.lengthHeader(4), 3, true, false),
    LENGTH_1_INCLUSIVE(FrameCodecs.lengthHeader(1, true), 0, true, false),
    LENGTH_2_INCLUSIVE(FrameCodecs.lengthHeader(2, true), 1, true, false),
    LENGTH_4_INCLUSIVE(FrameCodecs.lengthHeader(4, true), 3, true, false),
    RAW(FrameCodecs.raw(), 0, false, true);

    /** Bytes the tests favour in random data: every framing byte of every codec, and the extremes. */
    static final byte[] INTERESTING = {'\r', '\n', 0x00, 0x02, 0x03, 0x01, 0x04, (byte) 0x7f, (byte) 0x80,
            (byte) 0xfe, (byte) 0xff};

    final FrameCodec codec;
    /**
     * How many framing bytes beyond the maximum message size a decoder may keep: the {@code \r} of a CRLF, the
     * bytes of an incomplete length header (held as a number, but part of what the peer made it keep).
     */
    final int keptFraming;
    final boolean emptyPayloads;
    /** A raw stream holds one frame, delivered at its end. */
    final boolean oneFramePerStream;

    CodecVariant(FrameCodec codec, int keptFraming, boolean emptyPayloads, boolean oneFramePerStream) {
        this.codec = codec;
        this.keptFraming = keptFraming;
        this.emptyPayloads = emptyPayloads;
        this.oneFramePerStream = oneFramePerStream;
    }

    static List<CodecVariant> framedOnes() {
        return List.of(values()).stream().filter(v -> !v.oneFramePerStream).toList();
    }

    /** The largest payload the format can carry whatever the decoder's maximum (a one-byte header: 255). */
    int formatLimit() {
        return switch (this) {
            case LENGTH_1 -> 255;
            case LENGTH_1_INCLUSIVE -> 254;
            case LENGTH_2 -> 65_535;
            case LENGTH_2_INCLUSIVE -> 65_533;
            default -> Integer.MAX_VALUE;
        };
    }

    /** @return a random payload of {@code length} bytes that this codec can frame, rich in framing bytes */
    byte[] payload(Random random, int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = random.nextInt(3) == 0 ? INTERESTING[random.nextInt(INTERESTING.length)]
                    : (byte) random.nextInt(256);
        }
        return makeFramable(payload);
    }

    /** Replaces, in place, what the codec cannot frame; keeps lone CR and LF in CRLF payloads. */
    byte[] makeFramable(byte[] payload) {
        for (int i = 0; i < payload.length; i++) {
            switch (this) {
                case CRLF -> {
                    if (payload[i] == '\n' && i > 0 && payload[i - 1] == '\r') {
                        payload[i] = 'n';
                    }
                }
                case LF -> {
                    if (payload[i] == '\n') {
                        payload[i] = 'n';
                    }
                }
                case TERMINATOR_NUL -> {
                    if (payload[i] == 0) {
                        payload[i] = '0';
                    }
                }
                case STX_ETX -> {
                    if (payload[i] == 0x03) {
                        payload[i] = 'e';
                    }
                }
                default -> {
                    // length headers and raw carry any byte
                }
            }
        }
        return payload;
    }
}

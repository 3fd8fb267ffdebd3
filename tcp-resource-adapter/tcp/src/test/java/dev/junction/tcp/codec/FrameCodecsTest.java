package dev.junction.tcp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each codec's own rules: its wire format, what it refuses, and the words it refuses with. */
class FrameCodecsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static FrameException refusal(FrameCodec codec, int max, byte[] stream) {
        FrameDecoder decoder = codec.newDecoder(max);
        ByteBuffer input = ByteBuffer.wrap(stream);
        try {
            while (input.hasRemaining()) {
                decoder.decode(input);
            }
            decoder.endOfStream();
        } catch (FrameException e) {
            return e;
        }
        throw new AssertionError("the stream was accepted");
    }

    @Test
    void crlfIsTheDefaultAndTheDefaultMaximumIs2048Bytes() {
        assertThat(FrameCodecs.defaultCodec()).isSameAs(FrameCodecs.crlf());
        AbstractFrameDecoder decoder = (AbstractFrameDecoder) FrameCodecs.crlf().newDecoder();
        assertThat(decoder.maxMessageSize).isEqualTo(FrameCodec.DEFAULT_MAX_MESSAGE_SIZE).isEqualTo(2048);
    }

    @Test
    void codecsNameTheirFactoryCall() {
        assertThat(FrameCodecs.crlf()).hasToString("FrameCodecs.crlf()");
        assertThat(FrameCodecs.lf()).hasToString("FrameCodecs.lf()");
        assertThat(FrameCodecs.terminator((byte) '|')).hasToString("FrameCodecs.terminator((byte) 0x7c)");
        assertThat(FrameCodecs.terminator((byte) '\n')).isSameAs(FrameCodecs.lf());
        assertThat(FrameCodecs.stxEtx()).hasToString("FrameCodecs.stxEtx()");
        assertThat(FrameCodecs.lengthHeader(2)).hasToString("FrameCodecs.lengthHeader(2)");
        assertThat(FrameCodecs.lengthHeader(4, true)).hasToString("FrameCodecs.lengthHeader(4, true)");
        assertThat(FrameCodecs.raw()).hasToString("FrameCodecs.raw()");
    }

    @Test
    void aMaximumBelowOneAndAnUnknownHeaderSizeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> FrameCodecs.crlf().newDecoder(0))
                .withMessage("maxMessageSize must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> FrameCodecs.lengthHeader(3))
                .withMessage("a length header has 1, 2 or 4 bytes, not 3");
        assertThatThrownBy(() -> FrameCodecs.raw().encode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FrameCodecs.raw().newDecoder().decode(null)).isInstanceOf(NullPointerException.class);
    }

    @Nested
    class Crlf {

        private final FrameCodec codec = FrameCodecs.crlf();

        @Test
        void writesThePayloadThenCrLf() {
            assertThat(codec.encode(bytes("hi"))).isEqualTo(bytes("hi\r\n"));
        }

        @Test
        void loneCrAndLfAreData() {
            FrameDecoder decoder = codec.newDecoder(100);
            ByteBuffer input = ByteBuffer.wrap(bytes("a\rb\nc\r\r\n\n\r\n"));
            assertThat(decoder.decode(input)).isEqualTo(bytes("a\rb\nc\r"));
            assertThat(decoder.decode(input)).isEqualTo(bytes("\n"));
            assertThat(codec.encode(bytes("c\r"))).isEqualTo(bytes("c\r\r\n"));
        }

        @Test
        void refusesToEncodeAPayloadContainingCrLf() {
            assertThatThrownBy(() -> codec.encode(bytes("ab\r\ncd")))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("the payload contains the CRLF (0x0d 0x0a) terminator at index 2, so it cannot be "
                            + "framed by it; a length header frames payloads that may hold any byte")
                    .extracting(e -> ((FrameException) e).getOffendingLength()).isEqualTo(6);
        }

        @Test
        void waitsForOneMoreByteWhenTheByteAfterTheMaximumIsCr() {
            AbstractFrameDecoder decoder = (AbstractFrameDecoder) codec.newDecoder(4);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("abcd\r")))).isNull();
            assertThat(decoder.buffered()).isEqualTo(5);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("\n")))).isEqualTo(bytes("abcd"));

            assertThat(decoder.decode(ByteBuffer.wrap(bytes("abcd\r")))).isNull();
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("x"))))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("no CRLF (0x0d 0x0a) terminator within 6 bytes: the frame exceeds the maximum "
                            + "message size of 4 bytes");
        }

        @Test
        void aTerminatorSplitAcrossReadsIsFound() {
            FrameDecoder decoder = codec.newDecoder(100);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("ab\r")))).isNull();
            ByteBuffer second = ByteBuffer.wrap(bytes("\ncd\r"));
            assertThat(decoder.decode(second)).isEqualTo(bytes("ab"));
            assertThat(decoder.decode(second)).isNull();
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("\r\n")))).isEqualTo(bytes("cd\r"));
        }

        @Test
        void refusesTooLongALineAndAStreamEndingInALine() {
            // in one read, the decoder looks as far as a terminator could end a payload of the maximum size
            FrameException tooLong = refusal(codec, 3, bytes("abcdef\r\n"));
            assertThat(tooLong).hasMessage("no CRLF (0x0d 0x0a) terminator within 5 bytes: the frame exceeds the "
                    + "maximum message size of 3 bytes");
            assertThat(tooLong.getOffendingLength()).isEqualTo(5);

            FrameException cut = refusal(codec, 100, bytes("ok\r\nabc\r"));
            assertThat(cut).hasMessage("the stream ended inside a frame: 4 bytes arrived without the CRLF "
                    + "(0x0d 0x0a) terminator");
            assertThat(cut.getOffendingLength()).isEqualTo(4);
        }
    }

    @Nested
    class LfAndSingleTerminator {

        @Test
        void lfWritesThePayloadThenLfAndRefusesPayloadsWithLf() {
            assertThat(FrameCodecs.lf().encode(bytes("a\rb"))).isEqualTo(bytes("a\rb\n"));
            assertThatThrownBy(() -> FrameCodecs.lf().encode(bytes("a\nb"))).isInstanceOf(FrameException.class)
                    .hasMessageStartingWith("the payload contains the LF (0x0a) terminator at index 1");
        }

        @Test
        void aChosenByteEndsFramesAndIsRefusedInPayloads() {
            FrameCodec pipe = FrameCodecs.terminator((byte) '|');
            assertThat(pipe.encode(bytes("a\r\nb"))).isEqualTo(bytes("a\r\nb|"));
            FrameDecoder decoder = pipe.newDecoder(10);
            ByteBuffer input = ByteBuffer.wrap(bytes("one|two||"));
            assertThat(decoder.decode(input)).isEqualTo(bytes("one"));
            assertThat(decoder.decode(input)).isEqualTo(bytes("two"));
            assertThat(decoder.decode(input)).isEmpty();
            assertThat(input.hasRemaining()).isFalse();
            assertThatThrownBy(() -> pipe.encode(bytes("a|b"))).isInstanceOf(FrameException.class)
                    .hasMessageStartingWith("the payload contains the 0x7c terminator at index 1");
        }

        @Test
        void refusesAFrameAsSoonAsItHasMoreThanTheMaximumWithoutTerminator() {
            AbstractFrameDecoder decoder = (AbstractFrameDecoder) FrameCodecs.lf().newDecoder(3);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("abc")))).isNull();
            assertThat(decoder.buffered()).isEqualTo(3);
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("d\n"))))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("no LF (0x0a) terminator within 4 bytes: the frame exceeds the maximum message size "
                            + "of 3 bytes");
        }
    }

    @Nested
    class StxEtx {

        private final FrameCodec codec = FrameCodecs.stxEtx();

        @Test
        void writesStxPayloadEtxAndAllowsStxInsidePayloads() {
            assertThat(codec.encode(bytes("a\u0002b"))).isEqualTo(bytes(2, 'a', 2, 'b', 3));
            assertThat(codec.newDecoder(10).decode(ByteBuffer.wrap(bytes(2, 'a', 2, 'b', 3))))
                    .isEqualTo(bytes('a', 2, 'b'));
        }

        @Test
        void refusesToEncodeAPayloadContainingEtx() {
            assertThatThrownBy(() -> codec.encode(bytes('a', 3))).isInstanceOf(FrameException.class)
                    .hasMessage("the payload contains ETX (0x03) at index 1, so it cannot be framed by STX/ETX; a "
                            + "length header frames payloads that may hold any byte");
        }

        @Test
        void refusesDataBeforeStx() {
            FrameException before = refusal(codec, 10, bytes("x\u0002a\u0003"));
            assertThat(before).hasMessage("data before STX: a frame must start with STX (0x02), the first byte was "
                    + "0x78");
            assertThat(before.getOffendingLength()).isEqualTo(1);
        }

        @Test
        void refusesBytesBetweenFrames() {
            FrameDecoder decoder = codec.newDecoder(10);
            ByteBuffer input = ByteBuffer.wrap(bytes(2, 'a', 3, '\r', '\n', 2, 'b', 3));
            assertThat(decoder.decode(input)).isEqualTo(bytes("a"));
            assertThatThrownBy(() -> decoder.decode(input)).isInstanceOf(FrameException.class)
                    .hasMessageEndingWith("the first byte was 0x0d");
        }

        @Test
        void refusesAFrameWithoutEtxWithinTheMaximum() {
            FrameException tooLong = refusal(codec, 3, bytes(2, 'a', 'b', 'c', 'd', 3));
            assertThat(tooLong).hasMessage("no ETX (0x03) within 4 bytes after STX: the frame exceeds the maximum "
                    + "message size of 3 bytes");
            assertThat(tooLong.getOffendingLength()).isEqualTo(5);
        }

        @Test
        void refusesAStreamEndingInsideAFrame() {
            FrameException cut = refusal(codec, 10, bytes(2, 'a', 'b'));
            assertThat(cut).hasMessage("the stream ended inside a frame: STX and 2 payload bytes arrived without "
                    + "ETX (0x03)");
            assertThat(cut.getOffendingLength()).isEqualTo(3);
            assertThat(refusal(codec, 10, bytes(2))).hasMessageContaining("STX and 0 payload bytes");
        }
    }

    @Nested
    class LengthHeader {

        @Test
        void writesTheLengthBigEndianThenThePayload() {
            assertThat(FrameCodecs.lengthHeader(1).encode(bytes("ab"))).isEqualTo(bytes(2, 'a', 'b'));
            assertThat(FrameCodecs.lengthHeader(2).encode(new byte[0x0102])).startsWith(bytes(1, 2));
            assertThat(FrameCodecs.lengthHeader(4).encode(bytes("ab"))).isEqualTo(bytes(0, 0, 0, 2, 'a', 'b'));
            assertThat(FrameCodecs.lengthHeader(1, true).encode(bytes("ab"))).isEqualTo(bytes(3, 'a', 'b'));
            assertThat(FrameCodecs.lengthHeader(2, true).encode(bytes("ab"))).isEqualTo(bytes(0, 4, 'a', 'b'));
            assertThat(FrameCodecs.lengthHeader(4, true).encode(bytes("ab")))
                    .isEqualTo(bytes(0, 0, 0, 6, 'a', 'b'));
        }

        @Test
        void oneAndTwoByteHeadersAreUnsigned() {
            byte[] frame = FrameCodecs.lengthHeader(1).encode(new byte[255]);
            assertThat(frame[0]).isEqualTo((byte) 0xff);
            assertThat(FrameCodecs.lengthHeader(1).newDecoder(255).decode(ByteBuffer.wrap(frame))).hasSize(255);

            byte[] large = FrameCodecs.lengthHeader(2).encode(new byte[65_535]);
            assertThat(large).startsWith(bytes(0xff, 0xff));
            assertThat(FrameCodecs.lengthHeader(2).newDecoder(65_535).decode(ByteBuffer.wrap(large)))
                    .hasSize(65_535);
        }

        @Test
        void refusesToEncodeWhatTheHeaderCannotHold() {
            assertThat(FrameCodecs.lengthHeader(1).encode(new byte[255])).hasSize(256);
            assertThatThrownBy(() -> FrameCodecs.lengthHeader(1).encode(new byte[256]))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("a 256-byte payload is too long for FrameCodecs.lengthHeader(1), which frames at "
                            + "most 255 bytes; choose a larger header");
            assertThat(FrameCodecs.lengthHeader(1, true).encode(new byte[254])[0]).isEqualTo((byte) 0xff);
            assertThatThrownBy(() -> FrameCodecs.lengthHeader(1, true).encode(new byte[255]))
                    .isInstanceOf(FrameException.class).hasMessageContaining("which frames at most 254 bytes");
            assertThatThrownBy(() -> FrameCodecs.lengthHeader(2).encode(new byte[65_536]))
                    .isInstanceOf(FrameException.class).hasMessageContaining("which frames at most 65535 bytes");
            assertThatThrownBy(() -> FrameCodecs.lengthHeader(2, true).encode(new byte[65_534]))
                    .isInstanceOf(FrameException.class).hasMessageContaining("which frames at most 65533 bytes");
        }

        @Test
        void refusesANegativeFourByteHeader() {
            FrameException negative = refusal(FrameCodecs.lengthHeader(4), 100, bytes(0xff, 0xff, 0xff, 0xfe, 1));
            assertThat(negative).hasMessage("the length header holds -2, a negative length (a 4-byte header frames 0 "
                    + "to 2147483647 bytes)");
            assertThat(negative.getOffendingLength()).isEqualTo(4);
        }

        @Test
        void refusesInclusiveHeadersThatCannotCoverThemselves() {
            assertThat(refusal(FrameCodecs.lengthHeader(1, true), 100, bytes(0)))
                    .hasMessage("the length header holds 0, an impossible length for an inclusive header, which "
                            + "counts its own 1 byte(s): the least valid value is 1");
            assertThat(refusal(FrameCodecs.lengthHeader(2, true), 100, bytes(0, 1)))
                    .hasMessageStartingWith("the length header holds 1, an impossible length");
            assertThat(refusal(FrameCodecs.lengthHeader(4, true), 100, bytes(0, 0, 0, 3)))
                    .hasMessageStartingWith("the length header holds 3, an impossible length");
            assertThat(refusal(FrameCodecs.lengthHeader(4, true), 100, bytes(0x80, 0, 0, 0)))
                    .hasMessageStartingWith("the length header holds -2147483648, a negative length");
            assertThat(FrameCodecs.lengthHeader(2, true).newDecoder(100).decode(ByteBuffer.wrap(bytes(0, 2))))
                    .isEmpty();
        }

        @Test
        void refusesAnAnnouncedPayloadOverTheMaximumBeforeReadingIt() {
            AbstractFrameDecoder decoder = (AbstractFrameDecoder) FrameCodecs.lengthHeader(4).newDecoder(100);
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes(0, 0x0f, 0x42, 0x40))))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("the length header announces a 1000000-byte payload, more than the maximum message "
                            + "size of 100 bytes")
                    .extracting(e -> ((FrameException) e).getOffendingLength()).isEqualTo(1_000_000);
            assertThat(decoder.capacity()).isZero();
        }

        @Test
        void refusesAStreamEndingInsideAHeaderOrAPayload() {
            FrameException header = refusal(FrameCodecs.lengthHeader(4), 100, bytes(0, 0));
            assertThat(header).hasMessage("the stream ended inside a length header: 2 of its 4 bytes arrived");
            assertThat(header.getOffendingLength()).isEqualTo(2);

            FrameException payload = refusal(FrameCodecs.lengthHeader(2), 100, bytes(0, 10, 'a', 'b', 'c'));
            assertThat(payload).hasMessage("the stream ended inside a frame: 3 of the 10 payload bytes announced "
                    + "by its length header arrived");
            assertThat(payload.getOffendingLength()).isEqualTo(5);
        }
    }

    @Nested
    class Raw {

        private final FrameCodec codec = FrameCodecs.raw();

        @Test
        void writesThePayloadAsItIsInANewArray() {
            byte[] payload = bytes("\r\n\u0002\u0003");
            assertThat(codec.encode(payload)).isEqualTo(payload).isNotSameAs(payload);
        }

        @Test
        void returnsEverythingAtTheEndOfTheStream() {
            FrameDecoder decoder = codec.newDecoder(10);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("abc\r\n")))).isNull();
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("def")))).isNull();
            assertThat(decoder.endOfStream()).isEqualTo(bytes("abc\r\ndef"));
            assertThat(decoder.endOfStream()).isNull();
        }

        @Test
        void refusesAStreamLongerThanTheMaximum() {
            FrameDecoder decoder = codec.newDecoder(5);
            assertThat(decoder.decode(ByteBuffer.wrap(bytes("abc")))).isNull();
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(bytes("def"))))
                    .isInstanceOf(FrameException.class)
                    .hasMessage("the stream exceeds the maximum message size of 5 bytes before its end (a raw frame "
                            + "ends only when the peer closes the stream): 6 bytes arrived")
                    .extracting(e -> ((FrameException) e).getOffendingLength()).isEqualTo(6);
        }
    }
}

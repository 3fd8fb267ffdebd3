package dev.junction.tcp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.junction.tcp.codec.Feeder.BufferKind;
import dev.junction.tcp.codec.Feeder.Outcome;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What every codec promises: the same tests, run against each of them. */
class FrameCodecContractTest {

    private static final int MAX = 100;

    static List<CodecVariant> framed() {
        return CodecVariant.framedOnes();
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void payloadsOfEverySizeUpToTheMaximumRoundTrip(CodecVariant variant) {
        Random random = new Random(1);
        Feeder feeder = new Feeder(variant, MAX);
        for (int length : new int[] {1, 2, 3, 10, MAX - 1, MAX}) {
            byte[] payload = variant.payload(random, length);
            for (BufferKind kind : BufferKind.values()) {
                Outcome outcome = new Feeder(variant, MAX, kind).feedWhole(variant.codec.encode(payload));
                assertThat(outcome.failure()).as("%s, %s bytes, %s", variant, length, kind).isNull();
                assertThat(outcome.payloads()).containsExactly(payload);
            }
        }
        assertThat(feeder.feedWhole(variant.codec.encode("hello".getBytes())).payloads())
                .containsExactly("hello".getBytes());
    }

    @ParameterizedTest
    @MethodSource("framed")
    void severalFramesInOneReadAreReturnedOneAtATime(CodecVariant variant) {
        Random random = new Random(2);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            payloads.add(variant.payload(random, random.nextInt(MAX + 1)));
        }
        byte[] stream = concat(payloads.stream().map(variant.codec::encode).toList());

        AbstractFrameDecoder decoder = new Feeder(variant, MAX).newDecoder();
        ByteBuffer input = ByteBuffer.wrap(stream);
        for (byte[] payload : payloads) {
            assertThat(decoder.decode(input)).isEqualTo(payload);
        }
        assertThat(input.hasRemaining()).isFalse();
        // frames that arrive whole go straight to their payload arrays
        assertThat(decoder.capacity()).isZero();
        assertThat(decoder.endOfStream()).isNull();
    }

    @ParameterizedTest
    @MethodSource("framed")
    void framesSplitAtEveryPossibleBoundaryDecodeTheSame(CodecVariant variant) {
        List<byte[]> payloads = samplePayloads(variant);
        byte[] stream = concat(payloads.stream().map(variant.codec::encode).toList());
        Feeder feeder = new Feeder(variant, MAX);

        for (int cut = 0; cut <= stream.length; cut++) {
            Outcome outcome = feeder.feed(stream, cut, stream.length - cut);
            assertThat(outcome.failure()).as("cut at %s", cut).isNull();
            assertThat(outcome.asStrings()).as("cut at %s", cut).isEqualTo(strings(payloads));
        }
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                Outcome outcome = feeder.feed(stream, first, second - first, stream.length - second);
                assertThat(outcome.asStrings()).as("cuts at %s and %s", first, second).isEqualTo(strings(payloads));
            }
        }
        for (BufferKind kind : BufferKind.values()) {
            Outcome byteByByte = new Feeder(variant, MAX, kind).feed(stream, Feeder.evenChunks(stream.length, 1));
            assertThat(byteByByte.asStrings()).as("one byte per read, %s", kind).isEqualTo(strings(payloads));
        }
    }

    @ParameterizedTest
    @EnumSource(value = CodecVariant.class, names = "RAW")
    void aRawFrameSplitAtEveryBoundaryIsReturnedAtTheEndOfTheStream(CodecVariant variant) {
        byte[] payload = variant.payload(new Random(3), MAX);
        Feeder feeder = new Feeder(variant, MAX);
        for (int cut = 0; cut <= payload.length; cut++) {
            assertThat(feeder.feed(payload, cut, payload.length - cut).payloads()).containsExactly(payload);
        }
        assertThat(feeder.feed(payload, Feeder.evenChunks(payload.length, 1)).payloads()).containsExactly(payload);
    }

    @ParameterizedTest
    @MethodSource("framed")
    void emptyPayloadsAreFrames(CodecVariant variant) {
        byte[] empty = variant.codec.encode(new byte[0]);
        byte[] stream = concat(List.of(empty, empty, variant.codec.encode(new byte[] {'x'}), empty));

        Outcome outcome = new Feeder(variant, MAX).feedWhole(stream);

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.asStrings()).containsExactly("[]", "[]", "[120]", "[]");
    }

    @ParameterizedTest
    @EnumSource(value = CodecVariant.class, names = "RAW")
    void aRawStreamClosedWithoutDataIsNoMessage(CodecVariant variant) {
        assertThat(variant.codec.encode(new byte[0])).isEmpty();
        Outcome outcome = new Feeder(variant, MAX).feed(new byte[0]);
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.payloads()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void aPayloadOfExactlyTheMaximumIsAcceptedAndOneByteMoreIsRefused(CodecVariant variant) {
        Random random = new Random(4);
        Feeder feeder = new Feeder(variant, MAX);
        byte[] largest = variant.payload(random, MAX);
        byte[] tooLarge = variant.payload(random, MAX + 1);

        for (int[] reads : List.of(new int[] {variant.codec.encode(largest).length},
                Feeder.evenChunks(variant.codec.encode(largest).length, 1))) {
            Outcome accepted = feeder.feed(variant.codec.encode(largest), reads);
            assertThat(accepted.failure()).isNull();
            assertThat(accepted.payloads()).containsExactly(largest);
        }
        byte[] refusedFrame = variant.codec.encode(tooLarge);
        for (int[] reads : List.of(new int[] {refusedFrame.length}, Feeder.evenChunks(refusedFrame.length, 1))) {
            Outcome refused = feeder.feed(refusedFrame, reads);
            assertThat(refused.payloads()).isEmpty();
            assertThat(refused.failure()).isNotNull();
            assertThat(refused.failure().getMessage()).contains("maximum message size of " + MAX + " bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void aFrameTooLargeIsRefusedAsSoonAsThatIsCertain(CodecVariant variant) {
        byte[] frame = variant.codec.encode(variant.payload(new Random(5), MAX + 50));
        AbstractFrameDecoder decoder = new Feeder(variant, MAX).newDecoder();
        int refusedAt = -1;
        for (int i = 0; i < frame.length && refusedAt < 0; i++) {
            try {
                assertThat(decoder.decode(ByteBuffer.wrap(frame, i, 1))).isNull();
            } catch (FrameException e) {
                refusedAt = i;
            }
        }
        // the byte whose arrival makes the payload certainly too long (CRLF: unless it is \r, which it is not here)
        int expected = switch (variant) {
            case LENGTH_1, LENGTH_1_INCLUSIVE -> 0;
            case LENGTH_2, LENGTH_2_INCLUSIVE -> 1;
            case LENGTH_4, LENGTH_4_INCLUSIVE -> 3;
            case STX_ETX -> MAX + 1;
            default -> MAX;
        };
        if (variant == CodecVariant.CRLF && frame[MAX] == '\r') {
            expected++;
        }
        assertThat(refusedAt).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void theLargestMaximumMeansAsLargeAsAnArrayAllows(CodecVariant variant) {
        AbstractFrameDecoder decoder = (AbstractFrameDecoder) variant.codec.newDecoder(Integer.MAX_VALUE);
        assertThat(decoder.maxMessageSize).isEqualTo(AbstractFrameDecoder.LARGEST_MAX_MESSAGE_SIZE);

        byte[] payload = variant.payload(new Random(13), Math.min(300, variant.formatLimit()));
        byte[] frame = variant.codec.encode(payload);
        Outcome outcome = new Feeder(variant, Integer.MAX_VALUE).feed(frame, Feeder.evenChunks(frame.length, 7));
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.payloads()).containsExactly(payload);
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void encodingDoesNotApplyTheReceiversMaximum(CodecVariant variant) {
        byte[] payload = variant.payload(new Random(6), Math.min(5000, variant.formatLimit()));
        assertThat(new Feeder(variant, payload.length).feedWhole(variant.codec.encode(payload)).payloads())
                .containsExactly(payload);
    }

    @ParameterizedTest
    @MethodSource("framed")
    void aStreamEndingInsideAFrameIsRefusedWithHowMuchOfItArrived(CodecVariant variant) {
        byte[] complete = variant.codec.encode("ok".getBytes());
        byte[] cut = variant.codec.encode(variant.payload(new Random(7), 10));
        for (int length = 1; length < cut.length; length++) {
            byte[] stream = concat(List.of(complete, Arrays.copyOf(cut, length)));
            Outcome outcome = new Feeder(variant, MAX).feedWhole(stream);

            assertThat(outcome.payloads()).containsExactly("ok".getBytes());
            assertThat(outcome.failure()).as("%s of %s bytes", length, cut.length).isNotNull();
            assertThat(outcome.failure().getMessage()).startsWith("the stream ended inside a");
            assertThat(outcome.failure().getOffendingLength()).isEqualTo(length);
        }
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void aDecoderThatRefusedItsStreamRefusesEveryLaterCall(CodecVariant variant) {
        AbstractFrameDecoder decoder = new Feeder(variant, 4).newDecoder();
        byte[] tooLarge = variant.codec.encode(variant.payload(new Random(8), 5));
        FrameException first = null;
        try {
            decoder.decode(ByteBuffer.wrap(tooLarge));
        } catch (FrameException e) {
            first = e;
        }
        assertThat(first).isNotNull();
        assertThat(decoder.buffered()).isZero();
        assertThat(decoder.capacity()).isZero();

        String again = "this decoder already refused its stream";
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(variant.codec.encode(new byte[] {1}))))
                .isInstanceOf(FrameException.class).hasMessageStartingWith(again)
                .hasMessageEndingWith(first.getMessage());
        assertThatThrownBy(decoder::endOfStream).isInstanceOf(FrameException.class).hasMessageStartingWith(again);
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void theAccumulationBufferGrowsOnlyAsFramesNeed(CodecVariant variant) {
        int max = 10_000;
        byte[] small = variant.codec.encode(variant.payload(new Random(9), 10));
        Feeder feeder = new Feeder(variant, max);
        AbstractFrameDecoder decoder = feeder.newDecoder();

        assertThat(feeder.feed(decoder, small, Feeder.evenChunks(small.length, 3), 0, variant.oneFramePerStream)
                .payloads()).hasSize(1);
        // a length header sizes the buffer to the announced payload when that is smaller
        assertThat(decoder.capacity()).isBetween(1, AbstractFrameDecoder.INITIAL_CAPACITY);

        byte[] large = variant.codec.encode(variant.payload(new Random(10), Math.min(max, variant.formatLimit())));
        int[] thirds = Feeder.evenChunks(large.length, large.length / 3 + 1);
        assertThat(feeder.feed(decoder, large, thirds, 0, variant.oneFramePerStream).payloads()).hasSize(1);
        assertThat(decoder.capacity()).isBetween(AbstractFrameDecoder.INITIAL_CAPACITY + 1,
                max + variant.keptFraming);
    }

    @ParameterizedTest
    @EnumSource(CodecVariant.class)
    void decodingAnIncompleteFrameAllocatesNothingPerCall(CodecVariant variant) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        assumeThat(allocations.isThreadAllocatedMemorySupported() && allocations.isThreadAllocatedMemoryEnabled())
                .isTrue();
        Random random = new Random(11);
        int length = Math.min(2000, variant.formatLimit());
        byte[] warmUp = variant.codec.encode(variant.payload(random, length));
        byte[] measured = variant.codec.encode(variant.payload(random, length));
        AbstractFrameDecoder decoder = (AbstractFrameDecoder) variant.codec.newDecoder(length);
        // a first frame of the same size, byte by byte, grows the buffer and loads every class on the path
        byte[] first = feedByteByByte(decoder, warmUp, warmUp.length);
        if (first == null) {
            first = decoder.endOfStream();
        }
        assertThat(first).hasSize(length);

        long before = allocations.getCurrentThreadAllocatedBytes();
        feedByteByByte(decoder, measured, measured.length - 1);
        long allocated = allocations.getCurrentThreadAllocatedBytes() - before;

        // one object per call would already be 16 bytes times the number of calls
        assertThat(allocated).as("bytes allocated over %s calls", measured.length - 1).isLessThan(1024);
    }

    private static byte[] feedByteByByte(AbstractFrameDecoder decoder, byte[] frame, int bytes) {
        ByteBuffer input = ByteBuffer.wrap(frame);
        byte[] payload = null;
        for (int i = 0; i < bytes; i++) {
            input.limit(i + 1);
            payload = decoder.decode(input);
        }
        return payload;
    }

    /** A few payloads rich in what codecs must get right: empty (when allowed), framing bytes, binary data. */
    private static List<byte[]> samplePayloads(CodecVariant variant) {
        List<byte[]> payloads = new ArrayList<>();
        payloads.add("hello".getBytes());
        if (variant.emptyPayloads) {
            payloads.add(new byte[0]);
        }
        payloads.add(variant.makeFramable(new byte[] {'\r', 0x02, 'a', '\n', 0x03, 0x00, '\r'}));
        payloads.add(variant.payload(new Random(12), 20));
        return payloads;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static List<String> strings(List<byte[]> payloads) {
        return payloads.stream().map(Arrays::toString).toList();
    }
}

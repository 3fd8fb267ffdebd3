package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Feeds a decoder the way a connection does (one read buffer reused for every read, {@code decode} in a loop
 * while it has bytes, then the end of the stream), checking the decoder's contract on every call: progress, the
 * size limit, what it keeps, and that it holds no reference to the read buffer (overwritten after each read).
 */
final class Feeder {

    /** The kinds of read buffer a connection factory may use. */
    enum BufferKind { HEAP, HEAP_WITH_ARRAY_OFFSET, DIRECT, READ_ONLY }

    /** What a stream decoded to: the payloads, then a clean end ({@code failure == null}) or a refusal. */
    record Outcome(List<byte[]> payloads, FrameException failure) {

        boolean failed() {
            return failure != null;
        }

        List<String> asStrings() {
            return payloads.stream().map(Arrays::toString).toList();
        }
    }

    private static final byte GARBAGE = 0x55;

    private final CodecVariant variant;
    private final int maxMessageSize;
    private final BufferKind kind;
    /** The read buffer, kept across streams as a connection keeps it across reads (and cheaper for fuzzing). */
    private ByteBuffer reused;

    Feeder(CodecVariant variant, int maxMessageSize, BufferKind kind) {
        this.variant = variant;
        this.maxMessageSize = maxMessageSize;
        this.kind = kind;
    }

    Feeder(CodecVariant variant, int maxMessageSize) {
        this(variant, maxMessageSize, BufferKind.HEAP);
    }

    AbstractFrameDecoder newDecoder() {
        return (AbstractFrameDecoder) variant.codec.newDecoder(maxMessageSize);
    }

    /** Feeds the stream whole, in one read, then ends it. */
    Outcome feedWhole(byte[] stream) {
        return feed(newDecoder(), stream, new int[] {stream.length}, 0, true);
    }

    /** Feeds the stream in reads of the given sizes (summing to its length), then ends it. */
    Outcome feed(byte[] stream, int... chunkSizes) {
        return feed(newDecoder(), stream, chunkSizes, 0, true);
    }

    /**
     * @param decoder    any decoder of this feeder's codec; the checks apply its own maximum
     * @param readOffset where in the read buffer each read starts, so that positions other than 0 are exercised
     * @param endStream  whether to end the stream after the last read
     */
    Outcome feed(AbstractFrameDecoder decoder, byte[] stream, int[] chunkSizes, int readOffset, boolean endStream) {
        int largest = Arrays.stream(chunkSizes).max().orElse(0);
        if (reused == null || reused.capacity() < largest + readOffset) {
            reused = allocate(Math.max(64, 2 * (largest + readOffset)));
        }
        List<byte[]> payloads = new ArrayList<>();
        int offset = 0;
        for (int size : chunkSizes) {
            reused.clear().position(readOffset);
            reused.put(stream, offset, size);
            reused.limit(readOffset + size).position(readOffset);
            offset += size;
            ByteBuffer input = kind == BufferKind.READ_ONLY ? reused.asReadOnlyBuffer() : reused;
            FrameException failure = drain(decoder, input, payloads);
            if (failure != null) {
                return new Outcome(payloads, failure);
            }
            overwrite(reused, readOffset + size);
        }
        check(offset == stream.length, "the chunk sizes do not cover the stream");
        if (endStream) {
            try {
                byte[] last = decoder.endOfStream();
                if (last != null) {
                    checkPayload(decoder, last);
                    payloads.add(last);
                }
                check(decoder.buffered() == 0, "the decoder kept bytes after the end of the stream");
            } catch (FrameException e) {
                return new Outcome(payloads, e);
            }
        }
        return new Outcome(payloads, null);
    }

    private FrameException drain(AbstractFrameDecoder decoder, ByteBuffer input, List<byte[]> payloads) {
        int limit = input.limit();
        int calls = 0;
        int budget = input.remaining() + 1;
        // do-while: an empty read is passed on too, and must simply return no frame
        do {
            check(++calls <= budget, "decode looped without consuming its input");
            int before = input.position();
            byte[] payload;
            try {
                payload = decoder.decode(input);
            } catch (FrameException e) {
                return e;
            }
            check(input.limit() == limit, "decode moved the input's limit");
            if (payload == null) {
                if (input.hasRemaining()) {
                    fail("decode returned no frame but left " + input.remaining() + " bytes");
                }
            } else {
                check(input.position() > before, "decode returned a frame without consuming a byte");
                checkPayload(decoder, payload);
                payloads.add(payload);
            }
            int bound = decoder.maxMessageSize + variant.keptFraming;
            if (decoder.buffered() > bound || decoder.capacity() > bound) {
                fail("the decoder keeps " + decoder.buffered() + " bytes in a buffer of " + decoder.capacity()
                        + ", over " + bound);
            }
        } while (input.hasRemaining());
        return null;
    }

    private static void checkPayload(AbstractFrameDecoder decoder, byte[] payload) {
        if (payload.length > decoder.maxMessageSize) {
            fail("a " + payload.length + "-byte payload passed the maximum of " + decoder.maxMessageSize);
        }
    }

    private ByteBuffer allocate(int capacity) {
        return switch (kind) {
            case HEAP, READ_ONLY -> ByteBuffer.allocate(capacity);
            case HEAP_WITH_ARRAY_OFFSET -> ByteBuffer.wrap(new byte[capacity + 7], 7, capacity).slice();
            case DIRECT -> ByteBuffer.allocateDirect(capacity);
        };
    }

    private static void overwrite(ByteBuffer buffer, int length) {
        for (int i = 0; i < length; i++) {
            buffer.put(i, GARBAGE);
        }
    }

    /** Sizes of reads of at most {@code size} bytes covering {@code length} bytes. */
    static int[] evenChunks(int length, int size) {
        int[] chunks = new int[(length + size - 1) / size];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = Math.min(size, length - i * size);
        }
        return chunks;
    }

    /** Random read sizes covering {@code length} bytes: often tiny, sometimes large, sometimes empty reads. */
    static int[] randomChunks(Random random, int length) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int size = switch (random.nextInt(4)) {
                case 0 -> 1;
                case 1 -> random.nextInt(4);
                case 2 -> 1 + random.nextInt(16);
                default -> 1 + random.nextInt(left);
            };
            size = Math.min(size, left);
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Plain checks rather than assertion objects, and messages built only on failure: the fuzz tests check
     * millions of calls.
     */
    static void check(boolean condition, String failure) {
        if (!condition) {
            fail(failure);
        }
    }

    static void fail(String failure) {
        throw new AssertionError(failure);
    }
}

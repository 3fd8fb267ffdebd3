package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What every decoder shares: the size limit, the accumulation buffer for a frame that arrives in pieces, and the
 * rule that a decoder which refused its stream refuses every later call.
 *
 * <p>The accumulation buffer is allocated only when a frame is actually split across reads (a frame that arrives
 * whole goes straight from the input to its payload array), starts small and doubles as needed up to a ceiling
 * the subclass gives (the maximum message size plus the framing bytes it has to keep), so that an idle connection
 * or a peer that announces large frames without sending them costs little memory.
 */
abstract class AbstractFrameDecoder implements FrameDecoder {

    /** The first capacity of the accumulation buffer; most frames on a line protocol fit. */
    static final int INITIAL_CAPACITY = 128;

    /**
     * The largest maximum honoured: larger ones (such as {@code Integer.MAX_VALUE} for "no limit") are lowered to
     * it, so that a payload plus the framing a decoder keeps still fits in one Java array.
     */
    static final int LARGEST_MAX_MESSAGE_SIZE = Integer.MAX_VALUE - 16;

    final int maxMessageSize;

    /** The bytes of the incomplete frame that this codec keeps; {@code null} until a frame is split. */
    private byte[] accumulated;

    /** How many bytes of {@link #accumulated} are in use. */
    int count;

    /** The refusal that ended this decoder's stream, thrown again (wrapped) by every later call. */
    private FrameException failure;

    AbstractFrameDecoder(int maxMessageSize) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1, was " + maxMessageSize);
        }
        this.maxMessageSize = Math.min(maxMessageSize, LARGEST_MAX_MESSAGE_SIZE);
    }

    @Override
    public final byte[] decode(ByteBuffer input) {
        Objects.requireNonNull(input, "input");
        checkNotFailed();
        try {
            return decodeFrame(input);
        } catch (FrameException e) {
            throw failed(e);
        }
    }

    @Override
    public final byte[] endOfStream() {
        checkNotFailed();
        try {
            return endOfFrames();
        } catch (FrameException e) {
            throw failed(e);
        } finally {
            if (failure == null) {
                reset();
            }
        }
    }

    /** {@link #decode} once the decoder is known to be usable. */
    abstract byte[] decodeFrame(ByteBuffer input);

    /** {@link #endOfStream} once the decoder is known to be usable; the state is reset afterwards. */
    abstract byte[] endOfFrames();

    /** Forgets the incomplete frame; subclasses clear their own state too. */
    void reset() {
        count = 0;
    }

    /** @return how many bytes of an incomplete frame this decoder holds (what the size limit bounds) */
    int buffered() {
        return count;
    }

    /** @return the capacity of the accumulation buffer, what the decoder really retains in memory */
    int capacity() {
        return accumulated == null ? 0 : accumulated.length;
    }

    /**
     * Copies {@code length} bytes of {@code input} from the absolute index {@code from} to the end of the
     * accumulation buffer, in one bulk transfer; the input's position is left to the caller.
     *
     * @param ceiling the most bytes this frame may ever need to keep: the buffer never grows past it
     */
    final void append(ByteBuffer input, int from, int length, int ceiling) {
        int needed = count + length;
        if (accumulated == null || needed > accumulated.length) {
            grow(needed, ceiling);
        }
        input.get(from, accumulated, count, length);
        count = needed;
    }

    private void grow(int needed, int ceiling) {
        if (needed > ceiling) {
            // the subclasses check their limits before appending; reaching this is a bug in a codec, not bad input
            throw new IllegalStateException("a decoder tried to keep " + needed + " bytes, past its ceiling "
                    + ceiling);
        }
        int current = accumulated == null ? 0 : accumulated.length;
        // doubling keeps the number of copies logarithmic in the frame's size; the ceiling bounds the memory
        int capacity = (int) Math.min(ceiling, Math.max(needed, Math.max(INITIAL_CAPACITY, 2L * current)));
        byte[] larger = new byte[capacity];
        if (count > 0) {
            System.arraycopy(accumulated, 0, larger, 0, count);
        }
        accumulated = larger;
    }

    /** @return the accumulated byte at {@code index} (0 is the first byte kept) */
    final byte accumulatedAt(int index) {
        return accumulated[index];
    }

    /**
     * Builds a payload from the first {@code fromAccumulated} accumulated bytes followed by {@code fromInput}
     * bytes of {@code input} at the absolute index {@code inputIndex}: the one allocation of a decoded frame.
     */
    final byte[] payload(int fromAccumulated, ByteBuffer input, int inputIndex, int fromInput) {
        byte[] payload = new byte[fromAccumulated + fromInput];
        if (fromAccumulated > 0) {
            System.arraycopy(accumulated, 0, payload, 0, fromAccumulated);
        }
        if (fromInput > 0) {
            input.get(inputIndex, payload, fromAccumulated, fromInput);
        }
        return payload;
    }

    private void checkNotFailed() {
        if (failure != null) {
            throw new FrameException("this decoder already refused its stream, which cannot be read further (close "
                    + "the connection): " + failure.getMessage(), failure.getOffendingLength());
        }
    }

    private FrameException failed(FrameException e) {
        failure = e;
        // nothing of a refused stream is worth keeping: let the memory go with it
        accumulated = null;
        reset();
        return e;
    }
}

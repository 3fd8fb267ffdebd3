package dev.junction.tcp.codec;

import java.nio.ByteBuffer;

/** The buffer a codec frames into when the caller offers one to reuse. */
final class FrameBuffers {

    private FrameBuffers() {
    }

    /**
     * @return {@code reusable}, cleared, when it is a writable heap buffer whose array starts at its first byte and
     *         holds {@code length} bytes; else a new heap buffer of exactly that capacity
     */
    static ByteBuffer withRoom(ByteBuffer reusable, int length) {
        if (reusable != null && reusable.hasArray() && reusable.arrayOffset() == 0 && reusable.capacity() >= length) {
            return reusable.clear();
        }
        return ByteBuffer.allocate(length);
    }
}

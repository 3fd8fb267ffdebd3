package dev.junction.tcp.codec;

import java.nio.ByteBuffer;

/**
 * Cuts the bytes one connection receives into payloads. It is fed what arrives, in whatever pieces the network
 * delivers (a frame split over several reads, several frames in one read), and keeps what is incomplete until the
 * next call. Never buffers more than the maximum message size (plus its framing). One per connection; not
 * thread-safe.
 *
 * <p>Reading loop of a connection, with one read buffer reused for every read:
 * <pre>{@code
 * buffer.flip();
 * while (buffer.hasRemaining()) {
 *     byte[] payload = decoder.decode(buffer);
 *     if (payload != null) {
 *         deliver(payload);
 *     }
 * }
 * buffer.clear();
 * }</pre>
 * The decoder copies what it keeps: it holds no reference to the buffer after a call returns, so the buffer may be
 * overwritten by the next read. Each call that returns {@code null} consumes every remaining byte, and each call
 * that returns a payload consumes at least one byte, so the loop always ends.
 */
public interface FrameDecoder {

    /**
     * Takes bytes from {@code input} (advancing its position over what it consumed, never past the end of the
     * frame it returns) and returns the next complete payload; call again while {@code input} has bytes left,
     * since one read may hold several frames. The input's limit, mark and content are left alone.
     *
     * @param input the bytes received, from its position to its limit; a heap, direct or read-only buffer
     * @return the next payload, a new array, or {@code null} when more bytes are needed ({@code input} is then
     *         consumed whole)
     * @throws FrameException when the bytes are not a valid frame or the frame exceeds the maximum size; the
     *         connection cannot be read further, and every later call throws too
     */
    byte[] decode(ByteBuffer input);

    /**
     * The peer ended the stream. The decoder is then empty, as if new.
     *
     * @return the last payload, for codecs whose frame ends with the stream; else {@code null}
     * @throws FrameException when a frame was cut short; its offending length is how many bytes of it arrived
     */
    byte[] endOfStream();
}

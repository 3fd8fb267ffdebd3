package dev.junction.tcp.codec;

import java.nio.ByteBuffer;

/**
 * Cuts the bytes one connection receives into payloads. It is fed what arrives, in whatever pieces the network
 * delivers (a frame split over several reads, several frames in one read), and keeps what is incomplete until the
 * next call. Never buffers more than the maximum message size (plus its framing). One per connection; not
 * thread-safe.
 */
public interface FrameDecoder {

    /**
     * Takes bytes from {@code input} (advancing its position over what it consumed) and returns the next complete
     * payload; call again while {@code input} has bytes left, since one read may hold several frames.
     *
     * @return the next payload, or {@code null} when more bytes are needed ({@code input} is then consumed whole)
     * @throws FrameException when the bytes are not a valid frame or the frame exceeds the maximum size; the
     *         connection cannot be read further
     */
    byte[] decode(ByteBuffer input);

    /**
     * The peer ended the stream.
     *
     * @return the last payload, for codecs whose frame ends with the stream; else {@code null}
     * @throws FrameException when a frame was cut short
     */
    byte[] endOfStream();
}

package dev.junction.tcp.codec;

/**
 * The frame codecs: how messages are delimited on a TCP stream. Each factory returns an immutable, thread-safe
 * {@link FrameCodec}; a connection gets its own {@link FrameDecoder} from {@link FrameCodec#newDecoder(int)}.
 * {@link #crlf()} is the default, so that a terminal client (telnet, netcat) can talk to a Junction endpoint.
 *
 * <table class="striped">
 * <caption>Codecs, their wire format and their errors</caption>
 * <thead>
 * <tr><th scope="col">Factory</th><th scope="col">Wire format</th><th scope="col">Empty payload</th>
 * <th scope="col">{@code encode} refuses</th><th scope="col">Decoding refuses ({@link FrameException})</th></tr>
 * </thead>
 * <tbody>
 * <tr><th scope="row">{@link #crlf()}</th><td>payload, {@code \r\n} (0x0d 0x0a)</td><td>yes: {@code \r\n}</td>
 * <td>a payload containing {@code \r\n} (a lone {@code \r} or {@code \n} is fine, even a trailing {@code \r})</td>
 * <td>more than max bytes without {@code \r\n}; the stream ending after part of a frame</td></tr>
 * <tr><th scope="row">{@link #lf()}</th><td>payload, {@code \n} (0x0a)</td><td>yes: {@code \n}</td>
 * <td>a payload containing {@code \n}</td>
 * <td>more than max bytes without {@code \n}; the stream ending after part of a frame</td></tr>
 * <tr><th scope="row">{@link #terminator(byte)}</th><td>payload, the terminator byte</td>
 * <td>yes: the terminator alone</td><td>a payload containing the terminator</td>
 * <td>more than max bytes without the terminator; the stream ending after part of a frame</td></tr>
 * <tr><th scope="row">{@link #stxEtx()}</th><td>STX (0x02), payload, ETX (0x03)</td><td>yes: STX ETX</td>
 * <td>a payload containing ETX (STX inside a payload is allowed)</td>
 * <td>any byte other than STX where a frame must start (data before STX, bytes between frames); more than max
 * bytes after STX without ETX; the stream ending after part of a frame</td></tr>
 * <tr><th scope="row">{@link #lengthHeader(int) lengthHeader(1)}</th>
 * <td>payload length as an unsigned byte, payload</td><td>yes: 0x00</td><td>payloads over 255 bytes</td>
 * <td rowspan="3">a header announcing more than max bytes, as soon as the header is read; a 4-byte header that
 * is negative; the stream ending inside a header or a payload</td></tr>
 * <tr><th scope="row">{@link #lengthHeader(int) lengthHeader(2)}</th>
 * <td>payload length as an unsigned big-endian short, payload</td><td>yes: 0x0000</td>
 * <td>payloads over 65,535 bytes</td></tr>
 * <tr><th scope="row">{@link #lengthHeader(int) lengthHeader(4)}</th>
 * <td>payload length as a big-endian int (0 to 2<sup>31</sup>-1), payload</td><td>yes: four 0x00</td>
 * <td>never (an array is shorter than 2<sup>31</sup>)</td></tr>
 * <tr><th scope="row">{@link #lengthHeader(int, boolean) lengthHeader(n, true)}</th>
 * <td>as above, but the header value counts the header too: payload length + n</td>
 * <td>yes: a header holding n</td><td>payloads over 254, 65,533 or 2<sup>31</sup>-5 bytes</td>
 * <td>as above, and a header value below n (it cannot even cover itself)</td></tr>
 * <tr><th scope="row">{@link #raw()}</th><td>the payload, then the sender closes (or half-closes) the
 * connection</td><td>no: a stream closed without data is no message</td><td>never</td>
 * <td>more than max bytes before the end of the stream</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Maximum message size</h2>
 * It bounds the <em>payload</em> a decoder accepts ({@link FrameCodec#DEFAULT_MAX_MESSAGE_SIZE} unless the
 * connection factory says otherwise): a payload of exactly max bytes is accepted, one byte more is refused as soon
 * as it is certain. A length header is checked when it is read, before any payload byte is kept; a terminated
 * frame is refused once more than max bytes arrived that cannot be followed by the terminator in time (a CRLF
 * decoder waits for one more byte when the byte after the max is {@code \r}). A decoder therefore never keeps more
 * than max bytes plus part of the framing (the {@code \r} of a CRLF, the bytes of an incomplete length header), and
 * its buffer starts small and grows with what actually arrives, never with what a header merely announces.
 * Encoding does not apply the maximum: the limit is the receiver's, and it may differ from this side's.
 *
 * <h2>Errors</h2>
 * Decoding errors are {@link FrameException}s whose message says what was wrong and whose
 * {@link FrameException#getOffendingLength() offending length} is the announced payload length (for a header
 * over the maximum) or how many bytes of the bad frame arrived. The decoder is then finished: each later call
 * throws again, and the connection should be closed. Encoding errors are {@code FrameException}s too, with the
 * payload's length, thrown before anything is written.
 *
 * <h2>Interoperability</h2>
 * The formats are those of the serializers that other TCP frameworks ship under the same names (CRLF, LF, single
 * terminator, STX/ETX, length header of 1, 2 or 4 bytes, inclusive or not, raw), so either side of a connection
 * can be a Junction endpoint. Peers may apply their maximum differently (some terminator-based deserializers accept
 * one or two bytes less than their configured maximum); leave a margin when sizes are close to it.
 */
public final class FrameCodecs {

    private static final FrameCodec CRLF =
            new TerminatorCodec(new byte[] {'\r', '\n'}, "CRLF (0x0d 0x0a)", "FrameCodecs.crlf()");

    private static final FrameCodec LF = new TerminatorCodec(new byte[] {'\n'}, "LF (0x0a)", "FrameCodecs.lf()");

    private FrameCodecs() {
    }

    /**
     * @return the default codec: frames end with {@code \r\n}, what line-oriented peers and terminal clients send;
     *         the same as {@link #crlf()}
     */
    public static FrameCodec defaultCodec() {
        return CRLF;
    }

    /** @return frames that end with carriage return and line feed ({@code \r\n}); the default */
    public static FrameCodec crlf() {
        return CRLF;
    }

    /** @return frames that end with a line feed ({@code \n}) */
    public static FrameCodec lf() {
        return LF;
    }

    /**
     * @param terminator the byte that ends each frame; it may not appear in payloads
     * @return frames that end with {@code terminator}
     */
    public static FrameCodec terminator(byte terminator) {
        if (terminator == '\n') {
            return LF;
        }
        String hex = String.format("0x%02x", terminator & 0xff);
        return new TerminatorCodec(new byte[] {terminator}, hex, "FrameCodecs.terminator((byte) " + hex + ")");
    }

    /** @return frames that start with STX (0x02) and end with ETX (0x03), which may not appear in payloads */
    public static FrameCodec stxEtx() {
        return StxEtxCodec.INSTANCE;
    }

    /**
     * @param headerBytes 1 (an unsigned byte: payloads up to 255 bytes), 2 (an unsigned short: up to 65,535) or 4
     *                    (a signed int: up to 2<sup>31</sup>-1), big-endian
     * @return frames preceded by the payload's length; payloads may hold any byte
     * @throws IllegalArgumentException for another header size
     */
    public static FrameCodec lengthHeader(int headerBytes) {
        return lengthHeader(headerBytes, false);
    }

    /**
     * @param headerBytes 1, 2 or 4, as in {@link #lengthHeader(int)}
     * @param inclusive   {@code true} when the header's value counts the header itself (payload length +
     *                    {@code headerBytes}), as some devices and protocols expect
     * @return frames preceded by their length; payloads may hold any byte
     * @throws IllegalArgumentException for another header size
     */
    public static FrameCodec lengthHeader(int headerBytes, boolean inclusive) {
        return new LengthHeaderCodec(headerBytes, inclusive);
    }

    /**
     * @return no framing: a frame is everything until the sender closes its side of the connection, so one
     *         connection carries one message each way at most; encoding writes the payload as it is
     */
    public static FrameCodec raw() {
        return RawCodec.INSTANCE;
    }
}

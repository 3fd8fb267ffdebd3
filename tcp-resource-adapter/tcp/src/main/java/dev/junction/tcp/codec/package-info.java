/**
 * Frame codecs: how the bytes of a TCP stream are cut into messages and how messages are written to it.
 * {@link dev.junction.tcp.codec.FrameCodecs} creates them (CRLF, the default; LF; one terminator byte; STX/ETX;
 * length headers of 1, 2 or 4 bytes; raw) and tabulates their wire formats and errors.
 * {@link dev.junction.tcp.codec.FrameCodec} encodes a payload into a frame and creates, per connection, a
 * {@link dev.junction.tcp.codec.FrameDecoder}, which is fed the bytes as they arrive, in any pieces, and returns
 * complete payloads while keeping at most the maximum message size (plus framing) of an incomplete one.
 */
package dev.junction.tcp.codec;

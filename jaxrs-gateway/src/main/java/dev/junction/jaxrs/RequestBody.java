package dev.junction.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit and no further: a body that turns out larger (a chunked one, whose length
 * nobody announced) is refused as soon as the limit is passed, without reading the rest.
 */
final class RequestBody {

    private static final byte[] EMPTY = new byte[0];
    private static final int CHUNK = 8192;

    private RequestBody() {
    }

    /**
     * @param maxBytes the most the body may hold
     * @throws RejectedRequest 413 when the body is larger
     * @throws IOException when the client's stream fails
     */
    static byte[] read(InputStream body, long maxBytes) throws RejectedRequest, IOException {
        return read(body, -1, maxBytes);
    }

    /**
     * @param announced the {@code Content-Length} when known and within the limit, else -1: a body of known length is
     *                  read into an array of its size at once (HTTP framing ends the stream there), rather than
     *                  through a growing buffer
     */
    static byte[] read(InputStream body, long announced, long maxBytes) throws RejectedRequest, IOException {
        if (body == null || announced == 0) {
            return EMPTY;
        }
        if (announced > 0 && announced <= maxBytes) {
            return body.readNBytes((int) announced);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        while (true) {
            // never ask for more than one byte past the limit: that byte alone proves the body too large
            int wanted = (int) Math.min(buffer.length, maxBytes - total + 1);
            int read = body.read(buffer, 0, wanted);
            if (read < 0) {
                return total == 0 ? EMPTY : content.toByteArray();
            }
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            content.write(buffer, 0, read);
        }
    }

    static RejectedRequest tooLarge(long maxBytes) {
        return new RejectedRequest(413, "The request body is larger than the " + maxBytes + " bytes this resource"
                + " accepts");
    }
}

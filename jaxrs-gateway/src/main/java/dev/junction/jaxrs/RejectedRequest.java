package dev.junction.jaxrs;

/**
 * A request the gateway answers with an error status before any message is sent (415, 413, 400). An expected
 * outcome, not a failure of the server: it carries no stack trace.
 */
final class RejectedRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RejectedRequest(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** @return the problem detail, safe to show the client */
    String detail() {
        return getMessage();
    }
}

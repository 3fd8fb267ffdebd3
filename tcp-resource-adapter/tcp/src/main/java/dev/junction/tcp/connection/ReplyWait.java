package dev.junction.tcp.connection;

/**
 * How a connection read by its caller looks for the next reply: with one read at once, or by waiting on its selector
 * first. A read at once costs one system call when the reply is there already, and one for naught when it is not;
 * waiting first costs two (the wait, then the read) either way. Which is cheaper depends on the machine: on a busy
 * one the server's thread often runs before the caller gets back from its write, and the reply is there; on an idle
 * one with a core for each, it rarely is.
 *
 * <p>So it keeps to what the last reply showed: a first read that found bytes keeps reading first, one that found
 * nothing turns to waiting first; a wait that returned at once (shorter than {@link #PROMPT_NANOS}) found the reply
 * there already and turns back to reading first. While waiting first, every {@link #PROBE_INTERVAL}th reply is read
 * first once more, so that a change of the machine's load is noticed even when no wait returns at once. Only the
 * order of the calls changes: what is read, the timeout and the end of the stream are handled the same either way.
 *
 * <p>Not thread-safe: used by the one caller that holds the connection's read lock.
 */
final class ReplyWait {

    /** A wait on the selector that returned within this found the reply there already: 5 µs. */
    static final long PROMPT_NANOS = 5_000;

    /** While waiting first, one reply in this many is read first, to notice when replies are there again. */
    static final int PROBE_INTERVAL = 16;

    private boolean readFirst;
    private int untilProbe = PROBE_INTERVAL;

    /** @return whether the next reply is looked for with one read at once, before any wait */
    boolean readFirst() {
        if (readFirst) {
            return true;
        }
        if (--untilProbe == 0) {
            untilProbe = PROBE_INTERVAL;
            return true;
        }
        return false;
    }

    /** @param found whether the read made at once found bytes (or the end of the stream), rather than nothing */
    void firstRead(boolean found) {
        readFirst = found;
    }

    /** A reply was waited for on the selector first, with no read before: the wait took that long. */
    void waited(long nanos) {
        if (nanos < PROMPT_NANOS) {
            readFirst = true;
        }
    }

    @Override
    public String toString() {
        return readFirst ? "read first" : "wait first (probing in " + untilProbe + ")";
    }
}

package dev.junction.tcp.connection;

/**
 * How a connection read by its caller looks for the next reply: with one read at once, or by waiting on its selector
 * first. A read at once costs one system call when the reply is there already, and one for naught when it is not;
 * waiting first costs two (the wait, then the read) either way. Which is cheaper depends on the machine and the
 * server: on a busy machine the server's thread often runs before the caller gets back from its write, and the reply
 * is there; on an idle one with a core for each thread, or behind a server that hands each request to another
 * thread, it rarely is.
 *
 * <p>So the connection counts what its first reads found, as a processor predicts a branch: a confidence from 0 to
 * {@link #MOST_CONFIDENT}, up by one for each first read that found bytes (or the end of the stream), down by one for
 * each that found nothing; at {@link #READ_FIRST_FROM} or more the next reply is read first. Below it the caller
 * waits first, and only every {@link #PROBE_INTERVAL}th reply is read first, to notice when replies are there again.
 * So one miss does not end a run of replies that were there, and a server whose replies never are costs one read
 * for naught in {@value #PROBE_INTERVAL}. Only the order of the calls changes: what is read, the timeout, an
 * interrupted caller and the end of the stream are handled the same either way.
 *
 * <p>Not thread-safe: used by the one caller that holds the connection's read lock.
 */
final class ReplyWait {

    /** The highest confidence: this many misses in a row turn a connection that reads first to waiting first. */
    static final int MOST_CONFIDENT = 3;

    /** The confidence from which replies are read first. */
    static final int READ_FIRST_FROM = 2;

    /** While waiting first, one reply in this many is read first, to notice when replies are there again. */
    static final int PROBE_INTERVAL = 8;

    private int confidence;
    private int untilProbe = PROBE_INTERVAL;

    /** @return whether the next reply is looked for with one read at once, before any wait */
    boolean readFirst() {
        if (confidence >= READ_FIRST_FROM) {
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
        confidence = found ? Math.min(MOST_CONFIDENT, confidence + 1) : Math.max(0, confidence - 1);
    }

    @Override
    public String toString() {
        return (confidence >= READ_FIRST_FROM ? "read first" : "wait first, probing in " + untilProbe)
                + " (confidence " + confidence + ")";
    }
}

package dev.junction.tcp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way a caller looks for its next reply: the confidence kept from one reply to the next. */
class ReplyWaitTest {

    private final ReplyWait wait = new ReplyWait();

    @Test
    void aNewConnectionWaitsFirstAndReadsFirstOnceEveryProbeInterval() {
        for (int round = 0; round < 3; round++) {
            waitsFirstUntilTheProbe();
            wait.firstRead(false); // the probe found nothing
        }
    }

    @Test
    void probesThatFindTheReplyTurnToReadingFirst() {
        for (int probe = 0; probe < ReplyWait.READ_FIRST_FROM; probe++) {
            waitsFirstUntilTheProbe();
            wait.firstRead(true);
        }
        for (int reply = 0; reply < 3 * ReplyWait.PROBE_INTERVAL; reply++) {
            assertThat(wait.readFirst()).as("reply %d", reply).isTrue();
            wait.firstRead(true);
        }
    }

    @Test
    void oneMissDoesNotEndARunOfRepliesThatWereThere() {
        beConfident();
        wait.firstRead(false);
        assertThat(wait.readFirst()).isTrue();
        wait.firstRead(true);
        wait.firstRead(false);
        assertThat(wait.readFirst()).isTrue();
    }

    @Test
    void missesInARowTurnToWaitingFirst() {
        beConfident();
        for (int miss = 0; miss < ReplyWait.MOST_CONFIDENT - ReplyWait.READ_FIRST_FROM + 1; miss++) {
            assertThat(wait.readFirst()).isTrue();
            wait.firstRead(false);
        }
        waitsFirstUntilTheProbe();
    }

    @Test
    void theConfidenceNeitherGrowsNorFallsPastItsBounds() {
        for (int i = 0; i < 10 * ReplyWait.MOST_CONFIDENT; i++) {
            wait.firstRead(false);
        }
        wait.firstRead(true);
        assertThat(wait.readFirst()).as("one find after many misses").isFalse();
        for (int i = 0; i < 10 * ReplyWait.MOST_CONFIDENT; i++) {
            wait.firstRead(true);
        }
        for (int i = 0; i < ReplyWait.MOST_CONFIDENT - ReplyWait.READ_FIRST_FROM; i++) {
            wait.firstRead(false);
        }
        assertThat(wait.readFirst()).as("as many misses as the confidence spares, after many finds").isTrue();
    }

    private void beConfident() {
        for (int i = 0; i < ReplyWait.MOST_CONFIDENT; i++) {
            wait.firstRead(true);
        }
    }

    private void waitsFirstUntilTheProbe() {
        for (int reply = 1; reply < ReplyWait.PROBE_INTERVAL; reply++) {
            assertThat(wait.readFirst()).as("reply %d before the probe", reply).isFalse();
        }
        assertThat(wait.readFirst()).as("the probe").isTrue();
    }
}

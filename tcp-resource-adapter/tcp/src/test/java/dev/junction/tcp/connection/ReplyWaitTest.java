package dev.junction.tcp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way a caller looks for its next reply: the state kept from one reply to the next. */
class ReplyWaitTest {

    private final ReplyWait wait = new ReplyWait();

    @Test
    void aNewConnectionWaitsFirstAndReadsFirstOnceEveryProbeInterval() {
        for (int round = 0; round < 3; round++) {
            for (int reply = 1; reply < ReplyWait.PROBE_INTERVAL; reply++) {
                assertThat(wait.readFirst()).as("reply %d of round %d", reply, round).isFalse();
                wait.waited(ReplyWait.PROMPT_NANOS * 10); // the reply came while waiting
            }
            assertThat(wait.readFirst()).as("the probe of round %d", round).isTrue();
            wait.firstRead(false); // it found nothing
        }
    }

    @Test
    void aFirstReadThatFoundTheReplyKeepsReadingFirst() {
        probe();
        wait.firstRead(true);
        for (int reply = 0; reply < 3 * ReplyWait.PROBE_INTERVAL; reply++) {
            assertThat(wait.readFirst()).isTrue();
            wait.firstRead(true);
        }
    }

    @Test
    void aFirstReadThatFoundNothingTurnsToWaitingFirst() {
        probe();
        wait.firstRead(true);
        assertThat(wait.readFirst()).isTrue();
        wait.firstRead(false);
        assertThat(wait.readFirst()).isFalse();
    }

    @Test
    void aWaitThatReturnedAtOnceTurnsBackToReadingFirst() {
        assertThat(wait.readFirst()).isFalse();
        wait.waited(ReplyWait.PROMPT_NANOS - 1);
        assertThat(wait.readFirst()).isTrue();
    }

    @Test
    void aWaitThatTookLongerKeepsWaitingFirst() {
        assertThat(wait.readFirst()).isFalse();
        wait.waited(ReplyWait.PROMPT_NANOS);
        assertThat(wait.readFirst()).isFalse();
    }

    private void probe() {
        for (int reply = 1; reply < ReplyWait.PROBE_INTERVAL; reply++) {
            assertThat(wait.readFirst()).isFalse();
        }
        assertThat(wait.readFirst()).isTrue();
    }
}

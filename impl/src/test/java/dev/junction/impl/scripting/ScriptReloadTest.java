package dev.junction.impl.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.api.script.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script from a file is reloaded after an edit as its refresh check delay says; never by default. */
class ScriptReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private final Junction junction = Junction.create();
    private PollableChannel out;

    @AfterEach
    void close() {
        junction.close();
    }

    private Path script(String text) throws IOException {
        Path file = folder.resolve("greeting.groovy");
        Files.writeString(file, text);
        return file;
    }

    /** An edit as an editor makes it: new text, a new modification time (some file systems keep seconds only). */
    private static void edit(Path file, String text) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(2)));
    }

    private void flow(Script script) {
        out = junction.register(MessageChannels.queue("out", 10));
        junction.flow("in").transform(script).channel("out");
        junction.start();
    }

    private Object transform(Object payload) {
        junction.channel("in").send(Message.of(payload));
        Message<?> reply = out.receive(WAIT);
        assertThat(reply).isNotNull();
        return reply.getPayload();
    }

    @Test
    void byDefaultAnEditIsNeverSeen() throws IOException {
        Path file = script("'hello ' + payload");
        flow(Script.location("groovy", file.toString()));
        assertThat(transform("ann")).isEqualTo("hello ann");

        edit(file, "'goodbye, dear ' + payload");
        for (int i = 0; i < 3; i++) {
            assertThat(transform("ann")).isEqualTo("hello ann");
        }
    }

    @Test
    void withAZeroDelayTheNextMessageSeesTheEdit() throws IOException {
        Path file = script("'hello ' + payload");
        flow(Script.location("groovy", "file:" + file).refreshCheckDelay(Duration.ZERO));
        assertThat(transform("ann")).isEqualTo("hello ann");

        edit(file, "'goodbye, dear ' + payload");
        assertThat(transform("ann")).isEqualTo("goodbye, dear ann");
    }

    @Test
    void withADelayTheEditIsSeenOnceTheDelayHasPassed() throws IOException {
        Duration delay = Duration.ofMillis(300);
        Path file = script("'hello ' + payload");
        Instant beforeBuild = Instant.now();
        flow(Script.location("groovy", file.toString()).refreshCheckDelay(delay)); // reads the script: a check

        edit(file, "'goodbye, dear ' + payload");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> transform("ann").equals("goodbye, dear ann"));
        assertThat(Duration.between(beforeBuild, Instant.now())).isGreaterThanOrEqualTo(delay);
    }

    @Test
    void anEditThatDoesNotCompileFailsTheMessagesUntilItIsFixed() throws IOException {
        Path file = script("'hello ' + payload");
        flow(Script.location("groovy", file.toString()).refreshCheckDelay(Duration.ZERO));

        edit(file, "'hello ' +* payload");
        assertThatThrownBy(() -> junction.channel("in").send(Message.of("ann")))
                .hasMessageContaining("JNC-1054").hasMessageContaining("line 1");
        edit(file, "'hi ' + payload");
        assertThat(transform("ann")).isEqualTo("hi ann");
    }
}

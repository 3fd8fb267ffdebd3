package dev.junction.tcp.adapter.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a server's command-line tool (jboss-cli, asadmin) as an operator would, and fails with its output when it
 * does not succeed.
 */
public final class Command {

    /** An upper bound, far above what a command needs even on a loaded machine: a hung tool fails the test. */
    private static final long LIMIT_MINUTES = 10;

    private Command() {
    }

    /**
     * @param command the program and its arguments
     * @return what the command printed (standard output and error)
     * @throws IllegalStateException when the command exits with another status than 0, or hangs
     */
    public static String run(List<String> command) {
        try {
            Path output = Files.createTempFile(Path.of(System.getProperty("it.target")), "command", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean ended = process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended) {
                process.destroyForcibly();
                throw new IllegalStateException("Still running after " + LIMIT_MINUTES + " min: " + command
                        + "\n" + printed);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Exit status " + process.exitValue() + ": " + command + "\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}

package dev.junction.tcp.adapter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The operator files of the adapter's build (rar/src/main/operator), which the guide quotes and the tests run. */
public final class Operator {

    private Operator() {
    }

    /** @return the file named, in the adapter's operator folder */
    public static Path file(String name) {
        Path file = Path.of(System.getProperty("junction.operator"), name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No operator file " + file);
        }
        return file;
    }

    /** @return the RAR the build made */
    public static Path rar() {
        return Path.of(System.getProperty("junction.rar"));
    }

    /**
     * @param name   an operator file with {@code ${NAME}} placeholders, as envsubst replaces them
     * @param values the value of each placeholder
     * @return a copy of the file in the build's folder with every placeholder replaced
     * @throws IllegalStateException when a placeholder is left without a value
     */
    public static Path substituted(String name, Map<String, String> values) {
        try {
            String text = Files.readString(file(name), StandardCharsets.UTF_8);
            // only the commands: the comments show placeholders too
            StringBuilder commands = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (Map.Entry<String, String> value : values.entrySet()) {
                    line = line.replace("${" + value.getKey() + "}", value.getValue());
                }
                if (line.contains("${")) {
                    throw new IllegalStateException("A placeholder of " + name + " has no value: " + line);
                }
                commands.append(line).append('\n');
            }
            Path copy = Files.createTempFile(Path.of(System.getProperty("it.target")), name, ".txt");
            return Files.writeString(copy, commands, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

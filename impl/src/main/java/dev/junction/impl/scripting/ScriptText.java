package dev.junction.impl.scripting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Where a script's text comes from: written inline, a class path resource, or a file. A file (a class path
 * resource in a folder included) can tell when it last changed, so it can be reloaded; inline text and resources
 * inside a jar never change.
 */
abstract sealed class ScriptText {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    /** @return the text as it is now */
    abstract String read();

    /** @return a stamp that changes when the text does; constant for text that cannot change */
    abstract Object version();

    /** @return the location as the user wrote it, for messages */
    abstract String describe();

    static ScriptText inline(String text) {
        return new Inline(text);
    }

    /** @throws IllegalArgumentException ({@code JNC-1053}) when nothing is at the location */
    static ScriptText at(String location, ClassLoader loader) {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            URL url = loader.getResource(resource);
            if (url == null) {
                throw new IllegalArgumentException(ScriptRule.UNREADABLE.problem("no class path resource '"
                        + resource + "' for " + location + "; check the path and that it is packaged"));
            }
            if ("file".equals(url.getProtocol())) {
                try {
                    return new FileText(Path.of(url.toURI()), location);
                } catch (URISyntaxException | IllegalArgumentException notAPath) {
                    return new Resource(url, location);
                }
            }
            return new Resource(url, location);
        }
        String path = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(ScriptRule.UNREADABLE.problem("no readable file " + file
                    .toAbsolutePath() + " for " + location + "; check the path, or use classpath: for a resource"));
        }
        return new FileText(file, location);
    }

    private static final class Inline extends ScriptText {
        private final String text;

        Inline(String text) {
            this.text = text;
        }

        @Override
        String read() {
            return text;
        }

        @Override
        Object version() {
            return 0;
        }

        @Override
        String describe() {
            return "inline script";
        }
    }

    private static final class Resource extends ScriptText {
        private final URL url;
        private final String location;

        Resource(URL url, String location) {
            this.url = url;
            this.location = location;
        }

        @Override
        String read() {
            try (InputStream in = url.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(ScriptRule.UNREADABLE.problem("cannot read " + location + ": "
                        + unreadable.getMessage()), unreadable);
            }
        }

        @Override
        Object version() {
            return 0; // inside an archive: changes only with a redeployment
        }

        @Override
        String describe() {
            return location;
        }
    }

    private static final class FileText extends ScriptText {
        private final Path file;
        private final String location;

        FileText(Path file, String location) {
            this.file = file;
            this.location = location;
        }

        @Override
        String read() {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(ScriptRule.UNREADABLE.problem("cannot read " + location + " ("
                        + file + "): " + unreadable.getMessage()), unreadable);
            }
        }

        @Override
        Object version() {
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                // the size too: two edits within the file system's timestamp resolution still differ in most cases
                return modified.toMillis() + ":" + modified.toInstant().getNano() + ":" + Files.size(file);
            } catch (IOException gone) {
                throw new UncheckedIOException(ScriptRule.UNREADABLE.problem("cannot check " + location + " ("
                        + file + ") for changes: " + gone.getMessage()), gone);
            }
        }

        @Override
        String describe() {
            return location;
        }
    }
}

package dev.junction.examples.cafe;

import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where the cafe keeps its H2 database: the ledger's tables and the queues of the persistent channels, in one file, so
 * that an interrupted day (a crash, a kill) resumes where it stopped. The program that boots the container hands it
 * over as an extension instance, which CDI makes an application-scoped bean that {@link CafeDatabase} injects; each
 * container may so have a file of its own. Not final, with a no-argument constructor: CDI proxies the bean.
 */
public class CafeDatabaseFile implements Extension {

    /** The system property naming the database's path (without {@code .mv.db}). */
    public static final String PROPERTY = "cafe.database";

    private final Path path;

    /** @param path the database's path without H2's {@code .mv.db} suffix */
    public CafeDatabaseFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
    }

    /** For the container's client proxy only. */
    protected CafeDatabaseFile() {
        this.path = null;
    }

    /** @return the database's path without H2's {@code .mv.db} suffix */
    public Path path() {
        return path;
    }

    /**
     * @param defaultName the database's name when the property is not set ({@code day}, {@code counter})
     * @return the path {@value #PROPERTY} names, else {@code junction-cafe/<defaultName>} in the temporary directory
     */
    public static CafeDatabaseFile fromSystemProperty(String defaultName) {
        String named = System.getProperty(PROPERTY);
        return new CafeDatabaseFile(named == null || named.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "junction-cafe", defaultName) : Path.of(named));
    }

    /**
     * @return the JDBC URL: commits on disk when they return ({@code WRITE_DELAY=0}), a file-system lock that a killed
     *         process releases ({@code FILE_LOCK=FS}), lock waits bounded generously
     */
    public String jdbcUrl() {
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0;FILE_LOCK=FS;LOCK_TIMEOUT=10000";
    }

    /** @return whether a database is there (a day was interrupted, or is still open) */
    public boolean exists() {
        return Files.exists(Path.of(path + ".mv.db"));
    }

    /** Deletes the database's files: the day is closed, the next run starts a new one. */
    public void delete() {
        Path directory = path.getParent();
        String name = path.getFileName().toString();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not delete the cafe's database " + path, failed);
        }
    }
}

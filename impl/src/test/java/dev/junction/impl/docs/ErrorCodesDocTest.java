package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue docs/error-codes.adoc and the codes the main sources raise must be the same set, so that neither a
 * new code nor a retired one can go unnoticed. Paths are relative to this module's directory, where the build
 * runs its tests.
 */
class ErrorCodesDocTest {

    private static final Pattern CODE = Pattern.compile("JNC-\\d{4}");
    /** A table row of the catalogue: the cell that opens it holds the code and nothing else. */
    private static final Pattern ROW = Pattern.compile("^\\| (JNC-\\d{4})\\s*$", Pattern.MULTILINE);

    private static final Path CATALOGUE = Path.of("../docs/error-codes.adoc");
    private static final List<Path> MAIN_SOURCES = List.of(Path.of("../api/src/main/java"), Path.of("src/main/java"),
            Path.of("../cdi-extension/src/main/java"), Path.of("../tcp-resource-adapter/tcp/src/main/java"),
            Path.of("../tcp-resource-adapter/rar/src/main/java"),
            Path.of("../jaxrs-gateway/src/main/java"));

    @Test
    void everyCodeTheSourcesRaiseIsDocumented() {
        assertThat(documented()).containsAll(raised());
    }

    @Test
    void everyDocumentedCodeIsStillRaised() {
        assertThat(raised()).containsAll(documented());
    }

    @Test
    void eachCodeHasOneRow() {
        assertThat(rows()).doesNotHaveDuplicates();
    }

    private static Set<String> documented() {
        return new TreeSet<>(rows());
    }

    private static List<String> rows() {
        List<String> codes = new ArrayList<>();
        Matcher row = ROW.matcher(read(CATALOGUE));
        while (row.find()) {
            codes.add(row.group(1));
        }
        assertThat(codes).as("code rows in " + CATALOGUE.toAbsolutePath().normalize()).isNotEmpty();
        return codes;
    }

    private static Set<String> raised() {
        Set<String> codes = new TreeSet<>();
        for (Path root : MAIN_SOURCES) {
            assertThat(root).as("a source tree to scan").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher code = CODE.matcher(read(file));
                    while (code.find()) {
                        codes.add(code.group());
                    }
                });
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
        assertThat(codes).as("codes in the main sources").isNotEmpty();
        return codes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}

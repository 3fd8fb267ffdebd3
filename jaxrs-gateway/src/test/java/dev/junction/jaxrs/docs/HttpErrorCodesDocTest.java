package dev.junction.jaxrs.docs;

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
 * The HTTP rows of the error-code catalogue (docs/error-codes-http.adoc, included by docs/error-codes.adoc) and the
 * codes this module's main sources raise must be the same set. Paths are relative to this module's directory, where
 * the build runs its tests.
 */
class HttpErrorCodesDocTest {

    private static final Pattern CODE = Pattern.compile("JNC-\\d{4}");
    /** A table row of the catalogue: the cell that opens it holds the code and nothing else. */
    private static final Pattern ROW = Pattern.compile("^\\| (JNC-\\d{4})\\s*$", Pattern.MULTILINE);

    private static final Path CATALOGUE = Path.of("../docs/error-codes.adoc");
    private static final Path HTTP_ROWS = Path.of("../docs/error-codes-http.adoc");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void theCatalogueIncludesTheHttpRows() {
        assertThat(read(CATALOGUE)).contains("== HTTP (`JNC-08xx`)", "include::error-codes-http.adoc[]");
    }

    @Test
    void everyCodeTheSourcesRaiseIsDocumentedAndEveryDocumentedCodeRaised() {
        assertThat(new TreeSet<>(rows())).isEqualTo(raised());
    }

    @Test
    void eachCodeHasOneRowInTheHttpRange() {
        assertThat(rows()).doesNotHaveDuplicates().allMatch(code -> code.startsWith("JNC-08"));
    }

    private static List<String> rows() {
        List<String> codes = new ArrayList<>();
        Matcher row = ROW.matcher(read(HTTP_ROWS));
        while (row.find()) {
            codes.add(row.group(1));
        }
        assertThat(codes).as("code rows in " + HTTP_ROWS.toAbsolutePath().normalize()).isNotEmpty();
        return codes;
    }

    private static Set<String> raised() {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher code = CODE.matcher(read(file));
                while (code.find()) {
                    codes.add(code.group());
                }
            });
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
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

package dev.junction.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuickstartApplicationTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/junction/examples/quickstart/"
            + "QuickstartApplication.java");
    private static final Path README = Path.of("../../README.md");

    @Test
    void everyOrderIsServedByTheBaristaOfItsTemperature() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            QuickstartApplication.main(new String[0]);
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);

        assertThat(output).contains("5 of 5 orders served")
                .contains("serving the latte of order 1 at table 2 (made by the hot barista)")
                .contains("serving the iced tea of order 2 at table 3 (made by the cold barista)");
    }

    /** The README shows the quickstart's wiring: the block there must be the lines between the tags here. */
    @Test
    void theReadmeShowsTheWiringOfThisExample() throws IOException {
        Matcher tagged = Pattern.compile("// tag::wiring\\[]\\n(.*?)\\n\\s*// end::wiring\\[]", Pattern.DOTALL)
                .matcher(Files.readString(SOURCE));
        assertThat(tagged.find()).as("the wiring tags in " + SOURCE).isTrue();
        List<String> wiring = lines(tagged.group(1));

        String readme = Files.readString(README);
        Matcher plainJava = Pattern.compile("The same without a container.*?```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(plainJava.find()).as("the plain-Java block of the README").isTrue();

        assertThat(lines(plainJava.group(1))).isEqualTo(wiring);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}

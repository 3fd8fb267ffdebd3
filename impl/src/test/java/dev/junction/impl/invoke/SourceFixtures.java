package dev.junction.impl.invoke;

import dev.junction.api.annotation.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * Compiles fixture classes while a test runs, for what the test sources themselves cannot show: classes in
 * another package than the invoker's (so that package access does not help), classes without parameter names.
 */
final class SourceFixtures {

    private SourceFixtures() {
    }

    /**
     * @param directory   where sources and classes go
     * @param sourcesByPath relative source path ({@code other/Hidden.java}) followed by its text, repeated
     * @param options     extra javac options
     * @return a loader for the compiled classes, delegating to the test's loader
     */
    static URLClassLoader compile(Path directory, List<String> options, String... sourcesByPath) {
        try {
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(List.of("-classpath", apiClasses(), "-d", directory.toString()));
            for (int i = 0; i < sourcesByPath.length; i += 2) {
                Path source = directory.resolve(sourcesByPath[i]);
                Files.createDirectories(source.getParent());
                Files.writeString(source, sourcesByPath[i + 1]);
                arguments.add(source.toString());
            }
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("fixture sources did not compile");
            }
            return new URLClassLoader(new URL[] {directory.toUri().toURL()}, SourceFixtures.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String apiClasses() {
        try {
            return Paths.get(Header.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

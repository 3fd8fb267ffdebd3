package dev.junction.impl.invoke;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default header name needs the parameter names, which only exist when compiled with -parameters. */
class ParameterNamesTest {

    @Test
    void anUnnamedHeaderWithoutParameterNamesIsRefusedAtBuildTime(@TempDir Path directory) throws Exception {
        // deliberately compiled without -parameters
        try (URLClassLoader loader = SourceFixtures.compile(directory, List.of(), "WithoutNames.java", """
                public class WithoutNames {
                    public String handle(@dev.junction.api.annotation.Header String region) {
                        return region;
                    }
                }
                """)) {
            Object target = loader.loadClass("WithoutNames").getConstructor().newInstance();

            assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(target).build())
                    .isInstanceOf(InvalidHandlerMethodException.class)
                    .hasMessageContaining("parameter at index 0 of WithoutNames.handle(String)")
                    .hasMessageContaining("@Header without a header name")
                    .hasMessageContaining("@Header(\"name\")")
                    .hasMessageContaining("-parameters");
        }
    }
}

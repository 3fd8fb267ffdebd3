package dev.junction.impl.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes the invoker's package cannot see, compiled into another package at test time: the test sources share
 * the invoker's package, where package access would hide the problem.
 */
class NonPublicClassTest {

    @Test
    void callsAMethodOfAPackagePrivateClassInAnotherPackage(@TempDir Path directory) throws Exception {
        try (URLClassLoader loader = SourceFixtures.compile(directory, List.of("-parameters"),
                "other/Services.java", """
                        package other;
                        public final class Services {
                            public static Object hidden() { return new Hidden(); }
                            public static Object nested() { return new Nested(); }
                            private static class Nested {
                                public String handle(String text) { return "nested " + text; }
                            }
                        }
                        class Hidden {
                            public String handle(@dev.junction.api.annotation.Header("who") String who, String text) {
                                return who + " " + text;
                            }
                        }
                        """)) {
            Class<?> services = loader.loadClass("other.Services");
            Object hidden = services.getMethod("hidden").invoke(null);
            Object nested = services.getMethod("nested").invoke(null);

            assertThat(HandlerMethodInvoker.forTarget(hidden).build()
                    .invoke(dev.junction.api.message.MessageBuilder.withPayload("text").setHeader("who", "me").build()))
                    .isEqualTo("me text");
            assertThat(HandlerMethodInvoker.forTarget(nested).build().invoke(Message.of("x"))).isEqualTo("nested x");
        }
    }

    @Test
    void prefersAPublicInterfaceOfANonPublicClass(@TempDir Path directory) throws Exception {
        try (URLClassLoader loader = SourceFixtures.compile(directory, List.of(), "other/Shouter.java", """
                package other;
                public final class Shouter {
                    public static java.util.function.UnaryOperator<String> create() { return new Impl(); }
                    private static final class Impl implements java.util.function.UnaryOperator<String> {
                        @Override
                        public String apply(String text) { return text.toUpperCase(); }
                    }
                }
                """)) {
            Object shouter = loader.loadClass("other.Shouter").getMethod("create").invoke(null);
            HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(shouter).build();
            assertThat(invoker.invoke(Message.of("hey"))).isEqualTo("HEY");
            assertThat(invoker.getMethod().getParameterTypes()).containsExactly(String.class);
        }
    }
}

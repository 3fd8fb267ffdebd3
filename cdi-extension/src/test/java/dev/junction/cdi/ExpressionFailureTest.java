package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.MessagingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.function.Supplier;
import org.apache.openwebbeans.se.OWBInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An expression that fails while a gateway maps its arguments reaches the caller as a {@code MessagingException}
 * naming the expression and the gateway method, with a hint when EL's numeric {@code +} met strings; under CDI as in
 * plain Java.
 */
class ExpressionFailureTest {

    @MessagingGateway(defaultRequestChannel = "greetings", defaultReplyTimeout = 5_000)
    public interface Greeter {
        @Payload("args[0] + args[1]")
        String greet(String first, String second);
    }

    @ApplicationScoped
    public static class Echo {
        @ServiceActivator(inputChannel = "greetings")
        public String echo(String greeting) {
            return greeting;
        }
    }

    enum Container {
        WELD(() -> Containers.start("expression-failure", Greeter.class, Echo.class)),
        OPEN_WEB_BEANS(() -> new OWBInitializer().disableDiscovery().addBeanClasses(Greeter.class, Echo.class)
                .addExtensions(new JunctionExtension()).initialize());

        final Supplier<SeContainer> boot;

        Container(Supplier<SeContainer> boot) {
            this.boot = boot;
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aCoercionFailureNamesTheExpressionTheMethodAndTheFix(Container kind) {
        try (SeContainer container = kind.boot.get()) {
            Greeter greeter = container.select(Greeter.class).get();

            assertThatThrownBy(() -> greeter.greet("good", "morning"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("args[0] + args[1]")
                    .hasMessageContaining("greet")
                    .hasMessageContaining("+=");
        }
    }
}

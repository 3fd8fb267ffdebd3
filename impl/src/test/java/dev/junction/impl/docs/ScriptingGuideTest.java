package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.api.script.Script;
import java.time.Duration;
import java.util.Map;
import org.codehaus.groovy.jsr223.GroovyScriptEngineImpl;
import org.codehaus.groovy.runtime.MethodClosure;
import org.junit.jupiter.api.Test;

/** The plain Java snippets of docs/scripting.adoc; each one runs here, so the guide cannot drift. */
class ScriptingGuideTest {

    public record Order(String drink, double price) {
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        Object placeOrder(Order order);
    }

    @Test
    void scriptedSteps() {
        try (Junction junction = Junction.create()) {
            // tag::steps[]
            junction.flow("orders")
                    .filter(Script.inline("groovy", "payload.drink != 'water'"))
                    .transform(Script.location("groovy", "classpath:scripts/discount.groovy")
                            .variable("discount", 0.1)
                            .refreshCheckDelay(Duration.ofSeconds(5)))        // re-read at most every 5 s
                    .handle(Script.inline("javascript", "'EUR ' + payload.toFixed(2)"));
            // end::steps[]
            Cafe cafe = junction.gateway(Cafe.class);
            junction.start();

            assertThat(cafe.placeOrder(new Order("latte", 3.0))).isEqualTo("EUR 2.70");
        }
    }

    @Test
    void aVariableGenerator() {
        try (Junction junction = Junction.create()) {
            // tag::generator[]
            junction.flow("orders").handle(Script.inline("groovy", "drink + ' at ' + hour + ':00'")
                    .variableGenerator(message -> Map.of(
                            "drink", ((Order) message.getPayload()).drink(),
                            "hour", 9)));                          // instead of payload and headers
            // end::generator[]
            Cafe cafe = junction.gateway(Cafe.class);
            junction.start();

            assertThat(cafe.placeOrder(new Order("mocha", 3.0))).isEqualTo("mocha at 9:00");
        }
    }

    // tag::dsl[]
    public static class Kitchen {
        public String serve(String drink) {
            return "one " + drink + ", please";
        }
    }
    // end::dsl[]

    @Test
    void aGroovyCustomizer() {
        try (Junction junction = Junction.create()) {
            // tag::customizer[]
            junction.flow("orders").handle(Script.inline("groovy", "serve(payload.drink)")
                    .customizer(GroovyScriptEngineImpl.class,
                            engine -> engine.put("serve", new MethodClosure(new Kitchen(), "serve"))));
            // end::customizer[]
            Cafe cafe = junction.gateway(Cafe.class);
            junction.start();

            assertThat(cafe.placeOrder(new Order("latte", 3.0))).isEqualTo("one latte, please");
        }
    }

    @Test
    void aBrokenScriptFailsTheStart() {
        // tag::broken[]
        Junction junction = Junction.create();
        junction.flow("orders").handle(Script.inline("groovy", "def price = payload.price\nprice +* 2"));

        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1054 inline script, line 2, does not compile");
        // end::broken[]
        junction.close();
    }
}

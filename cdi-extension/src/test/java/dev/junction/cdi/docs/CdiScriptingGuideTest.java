package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.script.Script;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Named;
import java.util.Set;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CDI snippets of docs/scripting.adoc: scripted endpoints declared on bean methods, run in Weld SE. */
class CdiScriptingGuideTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        String placeOrder(String drink);
    }

    // tag::menu[]
    @Named("menu")
    @ApplicationScoped
    public static class Menu {
        public Set<String> hotDrinks() {
            return Set.of("latte", "mocha");
        }

        public double price(String drink) {
            return drink.length() * 0.5;
        }
    }
    // end::menu[]

    // tag::annotated[]
    @ApplicationScoped
    public static class CafeScripts {
        @Router(inputChannel = "orders")
        public Script kitchen() {   // no parameters, returns a Script: the endpoint runs the script
            return Script.location("groovy", "classpath:scripts/kitchen.groovy").beanVariable("menu", "menu");
        }

        @Filter(inputChannel = "hotDrinks", outputChannel = "servedHot", discardChannel = "soldOut")
        public Script inStock() {
            return Script.inline("groovy", "payload != 'mocha'");
        }

        @ServiceActivator(inputChannel = "soldOut")
        public Script soldOut() {
            return Script.inline("groovy", "'no ' + payload + ' today'");
        }

        @ServiceActivator(inputChannel = "servedHot")
        public Script hot() {
            return Script.inline("groovy", "'hot ' + payload + ' for ' + menu.price(payload)")
                    .beanVariable("menu", "menu");
        }
    }
    // end::annotated[]

    // tag::declaration[]
    @ApplicationScoped
    public static class ColdDrinks implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("coldDrinks")
                    .transform(Script.inline("groovy", "'iced ' + payload").variable("unused", 0))
                    .handle(Script.inline("groovy", "payload + ' for ' + menu.price(payload)")
                            .beanVariable("menu", "menu"));
        }
    }
    // end::declaration[]

    @Test
    void scriptsDeclaredOnBeanMethodsAndInDeclarationsRunWithNamedBeans() {
        container = CdiGuideTest.start("scripting", Cafe.class, Menu.class, CafeScripts.class, ColdDrinks.class);
        Cafe cafe = container.select(Cafe.class).get();

        assertThat(cafe.placeOrder("latte")).isEqualTo("hot latte for 2.5");
        assertThat(cafe.placeOrder("tea")).isEqualTo("iced tea for 4.0");
        assertThat(cafe.placeOrder("mocha")).isEqualTo("no mocha today");
    }

    @ApplicationScoped
    public static class BrokenScripts {
        @Transformer(inputChannel = "broken")
        public Script broken() {
            return Script.inline("groovy", "def price = payload.length()\nprice +* 2");
        }

        @ServiceActivator(inputChannel = "unknownLanguage")
        public Script unknown() {
            return Script.inline("cobol", "payload");
        }
    }

    @Test
    void aScriptThatDoesNotCompileFailsTheDeploymentWithItsLine() {
        assertThatThrownBy(() -> CdiGuideTest.start("broken-scripts", BrokenScripts.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("BrokenScripts#broken")
                .hasMessageContaining("JNC-1054 inline script, line 2")
                .hasMessageContaining("JNC-1052");
    }
}

package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.api.script.Script;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scripted endpoints in a deployment that ships its script engine: Groovy's JSR 223 engine and Groovy itself are
 * libraries of the WAR, found through the deployment's class loader. One endpoint is a bean method returning a
 * {@code Script} with a bound variable, the others steps of a flow a {@code Declaration} bean declares. (Bean
 * variables need the container's EL integration, which Weld embedded lacks: docs/cdi.adoc.)
 */
@ExtendWith(ArquillianExtension.class)
class ScriptedEndpointTest {

    @Deployment
    static WebArchive deployment() {
        // groovy-jsr223 brings the engine's service entry, and groovy, the language, with it
        return Deployments.withLibraries(Deployments.war(ScriptedEndpointTest.class, BeanDiscovery.ANNOTATED),
                "org.apache.groovy:groovy-jsr223");
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Cafe {
        @Gateway(requestChannel = "prices")
        String price(String drink);

        @Gateway(requestChannel = "labels")
        String label(String drink);
    }

    @ApplicationScoped
    public static class Scripts {
        @ServiceActivator(inputChannel = "prices")
        public Script price() {
            return Script.inline("groovy", "payload + ' costs ' + payload.length() * rate").variable("rate", 0.5);
        }
    }

    @ApplicationScoped
    public static class Labels implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("labels").transform(Script.inline("groovy", "payload.toUpperCase()"))
                    .handle(Script.inline("groovy", "\"[${payload}]\".toString()"));
        }
    }

    @Inject
    Cafe cafe;

    @Test
    void aBeanMethodReturnsAGroovyScript() {
        assertThat(cafe.price("latte")).isEqualTo("latte costs 2.5");
    }

    @Test
    void aDeclaredFlowRunsGroovySteps() {
        assertThat(cafe.label("mocha")).isEqualTo("[MOCHA]");
    }
}

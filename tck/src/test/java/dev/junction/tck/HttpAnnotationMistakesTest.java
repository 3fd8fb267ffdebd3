package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.jaxrs.annotation.HttpInboundGateway;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mistakes in {@link HttpInboundGateway @HttpInboundGateway} fail the deployment together, each with the builder's
 * code and the bean that carries it: a malformed path template, an unknown request channel, two gateways on one path
 * and method.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIf(value = "withoutHttpServer", disabledReason = "Weld embedded has no Jakarta REST runtime")
class HttpAnnotationMistakesTest {

    static final String MISTAKES = "http-annotation-mistakes";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = MISTAKES, managed = false, testable = false)
    static WebArchive mistakes() {
        return Deployments.withLibraries(Deployments.war(MISTAKES, BeanDiscovery.ANNOTATED,
                HttpAnnotationMistakesTest.class), "dev.junction:junction-jaxrs");
    }

    static boolean withoutHttpServer() {
        return TckContainer.current().name().equals("weld");
    }

    @ApplicationPath("api")
    public static class Api extends JunctionHttpApplication {
    }

    @ApplicationScoped
    @HttpInboundGateway(path = "/tables/{id", methods = "GET", requestChannel = "orders")
    @HttpInboundGateway(path = "/bills", methods = "GET", requestChannel = "nowhere")
    @HttpInboundGateway(id = "first", path = "/orders", methods = "POST", requestChannel = "orders")
    @HttpInboundGateway(id = "second", path = "/orders/", methods = "POST", requestChannel = "orders")
    public static class Mistaken {
        @ServiceActivator(inputChannel = "orders")
        public String prepare(String drink) {
            return drink;
        }
    }

    @Test
    void theMistakesFailTheDeploymentNamingTheBean() {
        Throwable failure;
        try {
            failure = catchThrowable(() -> deployer.deploy(MISTAKES));
        } finally {
            deployer.undeploy(MISTAKES);
        }
        assertThat(failure).isNotNull();
        StringBuilder report = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            report.append(cause.getMessage()).append('\n');
        }
        String bean = Mistaken.class.getName();
        assertThat(report.toString()).contains(
                "JNC-0801 @HttpInboundGateway on " + bean,
                "JNC-0804 @HttpInboundGateway on " + bean,
                "the request channel 'nowhere' is not registered",
                "JNC-0809 @HttpInboundGateway on " + bean);
    }
}

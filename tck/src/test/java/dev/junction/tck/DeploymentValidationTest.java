package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.channel.PollableChannel;
import dev.junction.tck.apps.DeclarationMistakes;
import dev.junction.tck.apps.EndpointMistakes;
import dev.junction.tck.apps.ValidApplication;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configuration mistakes fail the deployment, every problem reported at once with its {@code JNC-05xx} code and the
 * class, method or channel at fault. The broken archives are deployed by the tests themselves (unmanaged
 * deployments), which run as clients so that they see the container's deployment failure.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class DeploymentValidationTest {

    static final String ENDPOINT_MISTAKES = "endpoint-mistakes";
    static final String DECLARATION_MISTAKES = "declaration-mistakes";
    static final String VALID = "valid-after-failures";

    @Deployment(name = ENDPOINT_MISTAKES, managed = false, testable = false)
    static WebArchive endpointMistakes() {
        return Deployments.war(ENDPOINT_MISTAKES, BeanDiscovery.ALL, EndpointMistakes.class);
    }

    @Deployment(name = DECLARATION_MISTAKES, managed = false, testable = false)
    static WebArchive declarationMistakes() {
        return Deployments.war(DECLARATION_MISTAKES, BeanDiscovery.ALL, DeclarationMistakes.class);
    }

    @Deployment(name = VALID, managed = false, testable = false)
    static WebArchive valid() {
        return Deployments.war(VALID, BeanDiscovery.ALL, ValidApplication.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void endpointGatewayAndPollerMistakesFailTheDeploymentTogether() {
        String report = failureOf(ENDPOINT_MISTAKES);

        String endpoints = EndpointMistakes.Endpoints.class.getName();
        assertThat(report).contains(
                "JNC-0501 " + endpoints + "#noInput",
                "JNC-0502 " + endpoints + "#pollerOnDirect",
                "JNC-0503 " + endpoints + "#noPoller",
                "JNC-0504 " + endpoints + "#conflictingPoller",
                "JNC-0505 " + EndpointMistakes.TwoPayloadsGateway.class.getName(),
                "JNC-0506 endpoint id 'same'",
                "JNC-0507 " + endpoints + "#ambiguous",
                "JNC-0511 " + endpoints + "#adapterWithoutPoller");
    }

    /** Also with injection points of mistaken channels, which the container must not report first, alone. */
    @Test
    void declarationMistakesFailTheDeploymentTogether() {
        String report = failureOf(DECLARATION_MISTAKES);

        String endpoints = DeclarationMistakes.Endpoints.class.getName();
        assertThat(report).contains(
                // (no double quotes: WildFly's failure description escapes them)
                "JNC-0508 the channel declared as @Channel(",
                "is named 'somethingElse'",
                "JNC-0509 " + endpoints + "#filterNotReturningBoolean",
                "JNC-0509 " + endpoints + "#voidTransformer",
                "JNC-0510 " + endpoints + "#adapterWithParameter",
                "JNC-0512 " + endpoints + "#adapterWithoutChannel",
                "JNC-0513 " + endpoints + "#badMapping",
                "JNC-0514 " + DeclarationMistakes.Channels.class.getName() + "#notAProducer",
                "JNC-0515 " + endpoints + "#twoKinds",
                "JNC-0524 ", "directAsQueue", "asks for channel 'in' as " + PollableChannel.class.getName(),
                "JNC-0508 channel 'twice' is declared 2 times");
    }

    @Test
    void aValidDeploymentStartsAfterFailedOnes() {
        failureOf(ENDPOINT_MISTAKES);

        deployer.deploy(VALID);
        deployer.undeploy(VALID);
    }

    /** @return every message of the deployment's failure and its causes, which must exist */
    private String failureOf(String deployment) {
        Throwable failure;
        try {
            failure = catchThrowable(() -> deployer.deploy(deployment));
        } finally {
            deployer.undeploy(deployment);
        }
        assertThat(failure).as("the deployment of %s", deployment).isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(suppressed.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}

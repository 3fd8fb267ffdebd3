package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A declaration is checked whole when it is built; every problem comes with its JNC-08xx code. */
class DeclarationTest {

    private Junction junction;
    private HttpInboundGateways gateways;

    @BeforeEach
    void runtime() {
        junction = Junction.create();
        junction.flow("orders").handle("payload");
        junction.register(MessageChannels.queue("queue", 10));
        gateways = HttpInboundGateways.create(junction);
    }

    @AfterEach
    void close() {
        junction.close();
    }

    @Test
    void everyProblemOfADeclarationIsReportedAtOnce() {
        List<String> problems = problems(() -> gateways.inboundGateway("broken").path("orders/{id")
                .methods("GET", "TRACE").consumes("not a type").produces("text/plain").requestChannel("nowhere")
                .replyChannel("queue").errorChannel("nowhereEither").requestTimeout(Duration.ofMillis(-1))
                .replyTimeout(Duration.ofMillis(-5)).maxBodySize(-1).build());

        assertThat(problems).map(problem -> problem.substring(0, 8)).containsExactly("JNC-0801", "JNC-0802",
                "JNC-0807", "JNC-0804", "JNC-0812", "JNC-0804", "JNC-0805", "JNC-0805", "JNC-0806");
        assertThat(problems).allMatch(problem -> problem.contains("inbound gateway 'broken'"));
        assertThat(problems.get(1)).contains("'TRACE' cannot be served");
        assertThat(problems.get(3)).contains("request channel 'nowhere'");
        assertThat(gateways.gateways()).isEmpty();
        assertThat(junction.endpoint("broken")).isEmpty();
    }

    @Test
    void pathMethodsAndRequestChannelAreRequired() {
        assertThat(problems(() -> gateways.inboundGateway("empty").build())).map(problem -> problem.substring(0, 8))
                .containsExactly("JNC-0801", "JNC-0802", "JNC-0803");
    }

    @Test
    void anAdapterHasNoReplySettings() {
        assertThat(problems(() -> gateways.inboundAdapter("adapter").path("/in").methods("POST")
                .requestChannel("queue").replyChannel("orders").build()))
                .singleElement().asString().startsWith("JNC-0811 inbound adapter 'adapter'");
        assertThat(problems(() -> gateways.inboundAdapter("adapter").path("/in").methods("POST")
                .requestChannel("queue").replyTimeout(Duration.ofSeconds(1)).build()))
                .singleElement().asString().startsWith("JNC-0811");
    }

    @Test
    void oneTemplateAndMethodIsServedByOneGateway() {
        gateways.inboundGateway("first").path("/orders/{id}").methods("GET", "PUT").requestChannel("orders").build();

        assertThat(problems(() -> gateways.inboundGateway("second").path("/orders/{key}/").methods("POST", "PUT")
                .requestChannel("orders").build())).singleElement().asString()
                .startsWith("JNC-0809 gateway 'second': [PUT] /orders/{key}/ is already served by gateway 'first'");
        gateways.inboundGateway("third").path("/orders/{key}").methods("POST").requestChannel("orders").build();
        assertThat(gateways.gateways()).map(HttpInboundGateway::getId).containsExactly("first", "third");
    }

    @Test
    void aGatewayIdIsUniqueAmongTheRuntimesEndpoints() {
        gateways.inboundGateway("orders").path("/a").methods("GET").requestChannel("orders").build();

        assertThat(problems(() -> gateways.inboundGateway("orders").path("/b").methods("GET")
                .requestChannel("orders").build())).singleElement().asString().startsWith("JNC-0810");
    }

    @Test
    void theApplicationServesOneResourceInstanceRatherThanAClassMadePerRequest() {
        JunctionHttpApplication application = new JunctionHttpApplication(gateways);

        assertThat(application.getClasses()).isEmpty();
        // the resource, and the filter handing it each request's context
        assertThat(application.getSingletons()).hasSize(2).hasAtLeastOneElementOfType(HttpInboundResource.class)
                .hasAtLeastOneElementOfType(CurrentRequest.class);
        assertThat(application.getSingletons()).isSameAs(application.getSingletons());
        assertThat(application.getProperties()).containsEntry(JunctionHttpApplication.GATEWAYS_PROPERTY, gateways);
    }

    @Test
    void gatewaysNeedJunctionsOwnRuntime() {
        Junction foreign = (Junction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Junction.class}, (proxy, method, args) -> null);

        assertThat(problems(() -> HttpInboundGateways.create(foreign))).singleElement().asString()
                .startsWith("JNC-0813");
    }

    @Test
    void aValidDeclarationHasTheDefaults() {
        HttpInboundGateway gateway = gateways.inboundGateway("orders").path("/orders/{id}").methods("get")
                .requestChannel(junction.channel("orders")).build();

        assertThat(gateway.getPath()).isEqualTo("/orders/{id}");
        assertThat(gateway.getMethods()).containsExactly("GET");
        assertThat(gateway.isOneWay()).isFalse();
        assertThat(gateway.getRequestTimeout()).isEqualTo(HttpInboundGateway.DEFAULT_REQUEST_TIMEOUT)
                .isEqualTo(Duration.ofMillis(1000));
        assertThat(gateway.getReplyTimeout()).isEqualTo(HttpInboundGateway.DEFAULT_REPLY_TIMEOUT)
                .isEqualTo(Duration.ofMillis(1000));
        assertThat(gateway.getMaxBodySize()).isEqualTo(HttpInboundGateway.DEFAULT_MAX_BODY_SIZE).isEqualTo(1 << 20);
        assertThat(junction.endpoint("orders")).containsSame(gateway);
    }

    private static List<String> problems(ThrowingCallable declaration) {
        Throwable thrown = catchThrowable(declaration);
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        return ((ConfigurationException) thrown).getProblems();
    }
}

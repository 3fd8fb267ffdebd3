package dev.junction.jaxrs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A declaration is checked as a whole: every mistake, each with its code and the gateway's name, in one report. */
class OutboundDeclarationTest {

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        ConfigurationException failure = catchThrowableOfType(ConfigurationException.class, () ->
                HttpOutbound.gateway(junction, "http://127.0.0.1:1/{a}/{b}").name("prices")
                        .uriVariable("a", "payload").uriVariable("c", "payload ===")
                        .httpMethod("GET /x").header("Host", "'evil'").mapRequestHeaders("X-*-Id", "Connection")
                        .connectTimeout(Duration.ofSeconds(40)).sendTimeout(Duration.ofMillis(-1))
                        .maxConnections(0).outputChannel("nowhere").build());

        assertThat(failure.getMessage()).contains(
                "JNC-0814 prices: the template names {b} but no uriVariable(\"b\", expression) gives its value",
                "JNC-0814 prices: uriVariable(\"c\") is not a variable of the template",
                "JNC-0815 prices, the URI variable 'c'",
                "JNC-0816 prices: 'GET /x' is not an HTTP method",
                "JNC-0817 prices: the connect timeout (PT40S) is not shorter than the read timeout (PT30S)",
                "JNC-0817 prices: the send timeout is PT-0.001S",
                "JNC-0818 prices: maxConnections is 0",
                "JNC-0819 prices: the header 'Host' belongs to the connection",
                "JNC-0819 prices: the header pattern 'X-*-Id' is empty or has a '*' before its end",
                "JNC-0819 prices: the header 'Connection' belongs to the connection",
                "JNC-0820 prices: no channel is named 'nowhere'");
    }

    @Test
    void refusesTemplatesThatAreNotAbsoluteHttpUrisOrPutVariablesInTheHost() {
        assertThat(problem("/relative")).contains("JNC-0814", "not an absolute http:// or https:// URI");
        assertThat(problem("ftp://127.0.0.1/x")).contains("JNC-0814", "not an absolute http://");
        assertThat(problem("http://{host}:8080/x")).contains("JNC-0814");
        assertThat(problem("http://127.0.0.1/{open")).contains("JNC-0814", "brace");
    }

    @Test
    void aSpecIsBuiltOnce() {
        HttpOutboundGatewaySpec spec = HttpOutbound.gateway(junction, "http://127.0.0.1:1/x");
        spec.build();

        assertThat(catchThrowableOfType(IllegalStateException.class, spec::build)).hasMessageContaining("already");
    }

    private String problem(String template) {
        return catchThrowableOfType(ConfigurationException.class,
                () -> HttpOutbound.gateway(junction, template).build()).getMessage();
    }
}

package dev.junction.impl.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.GatewayHeader;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Every invalid signature and configuration is rejected when the gateway is created, all problems of an
 * interface at once, each naming the method (or the defaults) and the rule with its code.
 */
class InvalidGatewayTest {

    private final ChannelRegistry channels = new ChannelRegistry();

    InvalidGatewayTest() {
        channels.register(new DirectChannel("requests"));
        channels.register(new QueueChannel("queue"));
        channels.register(MessageChannels.rendezvous("rendezvous"));
    }

    /** The invalid signatures the mapping rules name, and the ones they imply. */
    @MessagingGateway(defaultRequestChannel = "requests")
    interface InvalidSignatures {
        void twoMapsWithoutAnnotations(Map<String, Object> m1, Map<String, Object> m2);

        void twoPayloads(@Payload String s1, @Payload String s2);

        void payloadAndHeaderAnnotationsOnSameParameter(@Payload @Header("x") String s);

        void payloadAndHeadersAnnotationsOnSameParameter(@Payload @Headers Map<String, Object> map);

        void headerAndHeadersOnSameParameter(String payload, @Header("x") @Headers Map<String, Object> map);

        void headersOnAString(String payload, @Headers String notAMap);

        void twoUnannotatedCandidates(String a, String b);

        void annotatedPayloadAndAnUnannotatedParameter(@Payload String a, String b);

        @Payload("args[0]")
        void payloadParameterAndMethodExpression(@Payload String a);

        @Payload("args[0]")
        @Gateway(payloadExpression = "args[0]")
        void payloadOnMethodAndGatewayExpression(String a);

        @Payload
        void payloadOnMethodWithoutExpression(String a);

        void onlyHeaders(@Header("a") String a, @Header("b") String b);

        void noArgumentsAndVoid();

        void reservedHeader(String payload, @Header("id") String id);

        void sameHeaderTwice(String payload, @Header("x") String a, @Header("x") String b);

        @Gateway(headers = {@GatewayHeader(name = "x", value = "1", expression = "2"), @GatewayHeader(name = "y")})
        void gatewayHeaderValueAndExpression(String payload);

        @Gateway(headers = {@GatewayHeader(name = "x", value = "1"), @GatewayHeader(name = "x", value = "2")})
        void gatewayHeaderTwice(String payload);

        @Gateway(headers = @GatewayHeader(name = "timestamp", value = "now"))
        void gatewayHeaderReserved(String payload);

        @Payload("args[0] +* 1")
        void invalidPayloadExpression(String a);

        void invalidParameterExpression(@Payload("arg.") String a);

        @Gateway(headers = @GatewayHeader(name = "x", expression = "))"))
        void invalidHeaderExpression(String payload);

        @Gateway(replyTimeout = -5)
        String invalidReplyTimeout(String payload);

        @Gateway(requestTimeout = -2)
        void invalidRequestTimeout(String payload);

        @Gateway(requestChannel = "nowhere")
        void unknownRequestChannel(String payload);

        String receiveWithoutPollableChannel();

        @Gateway(replyChannel = "queue")
        String sendAndReceiveWithPollableReplyChannel(String payload);

        @Gateway(replyChannel = "rendezvous")
        String sendAndReceiveWithRendezvousReplyChannel(String payload);

        @Gateway(requestChannel = "requests")
        default String defaultMethodWithGateway(String payload) {
            return payload;
        }

        // valid, to show that valid methods do not show up among the problems
        String valid(String payload);
    }

    @Test
    void everyInvalidSignatureIsReportedWithItsMethodAndRule() {
        InvalidGatewayException invalid = catchThrowableOfType(InvalidGatewayException.class,
                () -> GatewayProxyFactory.builder(InvalidSignatures.class).channelResolver(channels).create());

        assertThat(invalid.getMessage()).startsWith("Gateway interface " + InvalidSignatures.class.getName()
                + " is invalid (" + invalid.getProblems().size() + " problems):");
        expect(invalid, "JNC-0406", "twoMapsWithoutAnnotations(Map, Map)", "parameter 'm1' and parameter 'm2' are maps");
        expect(invalid, "JNC-0401", "twoPayloads(String, String)", "parameter 's1' and parameter 's2' are both annotated @Payload");
        expect(invalid, "JNC-0402", "payloadAndHeaderAnnotationsOnSameParameter(String)", "parameter 's'");
        expect(invalid, "JNC-0403", "payloadAndHeadersAnnotationsOnSameParameter(Map)", "parameter 'map'");
        expect(invalid, "JNC-0404", "headerAndHeadersOnSameParameter(String, Map)", "parameter 'map'");
        expect(invalid, "JNC-0405", "headersOnAString(String, String)", "java.lang.String, not a Map");
        expect(invalid, "JNC-0407", "twoUnannotatedCandidates(String, String)", "only one can be the payload");
        expect(invalid, "JNC-0407", "annotatedPayloadAndAnUnannotatedParameter(String, String)", "parameter 'b' would have no role");
        expect(invalid, "JNC-0408", "payloadParameterAndMethodExpression(String)", "also has a payload expression");
        expect(invalid, "JNC-0408", "payloadOnMethodAndGatewayExpression(String)", "both @Payload(\"args[0]\") and @Gateway(payloadExpression");
        expect(invalid, "JNC-0408", "payloadOnMethodWithoutExpression(String)", "needs an expression");
        expect(invalid, "JNC-0409", "onlyHeaders(String, String)", "no parameter can be the payload");
        expect(invalid, "JNC-0410", "noArgumentsAndVoid()", "can neither send nor receive");
        expect(invalid, "JNC-0412", "reservedHeader(String, String)", "'id'");
        expect(invalid, "JNC-0423", "sameHeaderTwice(String, String, String)", "both map to the header 'x'");
        expect(invalid, "JNC-0413", "gatewayHeaderValueAndExpression(String)", "'x' has both a value and an expression");
        expect(invalid, "JNC-0413", "gatewayHeaderValueAndExpression(String)", "'y' has neither a value nor an expression");
        expect(invalid, "JNC-0423", "gatewayHeaderTwice(String)", "'x' is defined twice");
        expect(invalid, "JNC-0412", "gatewayHeaderReserved(String)", "'timestamp'");
        expect(invalid, "JNC-0414", "invalidPayloadExpression(String)", "args[0] +* 1");
        expect(invalid, "JNC-0414", "invalidParameterExpression(String)", "arg.");
        expect(invalid, "JNC-0414", "invalidHeaderExpression(String)", "header 'x'");
        expect(invalid, "JNC-0420", "invalidReplyTimeout(String)", "@Gateway(replyTimeout) is -5");
        expect(invalid, "JNC-0420", "invalidRequestTimeout(String)", "@Gateway(requestTimeout) is -2");
        expect(invalid, "JNC-0417", "unknownRequestChannel(String)", "'nowhere'");
        expect(invalid, "JNC-0418", "receiveWithoutPollableChannel()", "it has none");
        expect(invalid, "JNC-0419", "sendAndReceiveWithPollableReplyChannel(String)", "'queue'");
        expect(invalid, "JNC-0419", "sendAndReceiveWithRendezvousReplyChannel(String)", "'rendezvous'");
        expect(invalid, "JNC-0421", "defaultMethodWithGateway(String)", "would be ignored");
        assertThat(invalid.getProblems()).noneMatch(problem -> problem.contains("valid(String)") && !problem.contains("invalid"));
        assertThat(invalid.getProblems()).hasSize(29);
        assertThat(invalid.getProblems()).allMatch(problem -> problem.contains("[rule: "));
    }

    private static void expect(InvalidGatewayException invalid, String code, String method, String detail) {
        String label = "InvalidSignatures." + method;
        assertThat(invalid.getProblems())
                .as("a %s problem of %s mentioning %s", code, label, detail)
                .anySatisfy(problem -> assertThat(problem).startsWith(code + " " + label + ":").contains(detail));
    }

    // ---- gateway-wide configuration ----

    @MessagingGateway(defaultRequestChannel = "missing", defaultReplyChannel = "alsoMissing", errorChannel = "gone",
            defaultRequestTimeout = -7, defaultReplyTimeout = -8,
            defaultHeaders = {@GatewayHeader(name = "", value = "x"), @GatewayHeader(name = "h", expression = "((")},
            defaultPayloadExpression = "*", asyncExecutor = "pool")
    interface InvalidDefaults {
        String send(String payload);
    }

    @Test
    void invalidDefaultsAreReportedAsTheGatewaysDefaults() {
        InvalidGatewayException invalid = catchThrowableOfType(InvalidGatewayException.class,
                () -> GatewayProxyFactory.builder(InvalidDefaults.class).channelResolver(channels).create());

        List<String> problems = invalid.getProblems();
        assertThat(problems).allMatch(problem -> problem.contains("the gateway's defaults"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0417") && p.contains("default request channel 'missing'"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0417") && p.contains("default reply channel 'alsoMissing'"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0417") && p.contains("error channel 'gone'"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0420") && p.contains("defaultRequestTimeout is -7"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0420") && p.contains("defaultReplyTimeout is -8"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0413") && p.contains("has no name"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0414") && p.contains("header 'h'"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0414") && p.contains("default payload expression"));
        assertThat(problems).anyMatch(p -> p.startsWith("JNC-0422") && p.contains("'pool'")
                && p.contains("no executor lookup"));
    }

    @Test
    void anExecutorNameMustBeKnownToTheLookup() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(Named.class).channelResolver(channels)
                .executorLookup(name -> null).create())
                .isInstanceOf(InvalidGatewayException.class).hasMessageContaining("JNC-0422")
                .hasMessageContaining("'pool' names no executor; declare one under that name");
    }

    @MessagingGateway(defaultRequestChannel = "requests", asyncExecutor = "pool")
    interface Named {
        void send(String payload);
    }

    interface NoChannel {
        String send(String payload);
    }

    @Test
    void aSendingMethodNeedsARequestChannel() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(NoChannel.class).create())
                .isInstanceOf(InvalidGatewayException.class).hasMessageContaining("JNC-0416")
                .hasMessageContaining("NoChannel.send(String)");
    }

    @MessagingGateway(defaultRequestChannel = "requests")
    interface NamesAChannel {
        @Gateway(replyChannel = "queue")
        String receive();
    }

    @Test
    void channelNamesNeedAResolver() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(NamesAChannel.class).create())
                .isInstanceOf(InvalidGatewayException.class)
                .hasMessageContaining("JNC-0417 the gateway's defaults: the default request channel 'requests'")
                .hasMessageContaining("no channel resolver");
    }

    @Test
    void aNegativeDefaultTimeoutIsRefusedByTheBuilderUnderTheTimeoutRule() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(NamesAChannel.class)
                .defaultRequestTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-0420");
        assertThatThrownBy(() -> GatewayProxyFactory.builder(NamesAChannel.class)
                .defaultReplyTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-0420");
    }

    @Test
    void onlyInterfacesBecomeGateways() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(String.class).create())
                .isInstanceOf(InvalidGatewayException.class).hasMessageContaining("JNC-0400");
        assertThatThrownBy(() -> GatewayProxyFactory.builder(Gateway.class).create())
                .isInstanceOf(InvalidGatewayException.class).hasMessageContaining("JNC-0400");
    }

    // ---- a custom mapper cannot be combined with payload and header settings ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultPayloadExpression = "args[0]")
    interface MapperWithDefaultPayload {
        void send(String payload);
    }

    @MessagingGateway(defaultRequestChannel = "requests", defaultHeaders = @GatewayHeader(name = "h", value = "v"))
    interface MapperWithDefaultHeaders {
        void send(String payload);
    }

    @MessagingGateway(defaultRequestChannel = "requests")
    interface MapperWithMethodSettings {
        @Payload("args[0]")
        void payloadOnMethod(String payload);

        @Gateway(payloadExpression = "args[0]", headers = @GatewayHeader(name = "h", value = "v"))
        void gatewaySettings(String payload);

        void fine(@Payload String payload, @Header("h") String header);
    }

    @Test
    void aCustomMapperExcludesPayloadAndHeaderSettings() {
        assertThatThrownBy(() -> withMapper(MapperWithDefaultPayload.class))
                .isInstanceOf(InvalidGatewayException.class)
                .hasMessageContaining("JNC-0415 the gateway's defaults").hasMessageContaining("default payload expression");
        assertThatThrownBy(() -> withMapper(MapperWithDefaultHeaders.class))
                .isInstanceOf(InvalidGatewayException.class)
                .hasMessageContaining("JNC-0415 the gateway's defaults").hasMessageContaining("default headers");

        InvalidGatewayException invalid = catchThrowableOfType(InvalidGatewayException.class,
                () -> withMapper(MapperWithMethodSettings.class));
        assertThat(invalid.getProblems()).hasSize(2);
        assertThat(invalid.getProblems().get(0)).startsWith("JNC-0415 MapperWithMethodSettings.gatewaySettings(String)")
                .contains("@Gateway(payloadExpression) and @Gateway(headers)");
        assertThat(invalid.getProblems().get(1)).startsWith("JNC-0415 MapperWithMethodSettings.payloadOnMethod(String)")
                .contains("@Payload on the method");
    }

    @Test
    void theBuilderRejectsNegativeTimeouts() {
        assertThatThrownBy(() -> GatewayProxyFactory.builder(NoChannel.class)
                .defaultReplyTimeout(java.time.Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private <T> T withMapper(Class<T> type) {
        return GatewayProxyFactory.builder(type).channelResolver(channels)
                .argsMapper((method, args) -> Message.of(args[0]))
                .asyncExecutor(Executors.newSingleThreadExecutor()).create();
    }
}

package dev.junction.impl.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.GatewayHeader;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.expression.ExpressionEvaluationException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.testing.NamedBeans;
import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.MethodExpression;
import jakarta.el.ValueExpression;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How arguments become the request: the argument-mapping conventions and annotations. */
class ArgumentMappingTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final QueueChannel requests = channels.register(new QueueChannel("requests"));

    /** The valid signatures of the mapping rules, with Jakarta EL expressions. */
    @MessagingGateway(defaultRequestChannel = "requests")
    interface MyGateway {

        void payloadAndHeaderMapWithoutAnnotations(String s, Map<String, Object> map);

        void payloadAndHeaderMapWithAnnotations(@Payload String s, @Headers Map<String, Object> map);

        void headerValuesAndPayloadWithAnnotations(@Header("k1") String x, @Payload String s, @Header("k2") String y);

        void mapOnly(Map<String, Object> map);

        void twoMapsAndOneAnnotatedWithPayload(@Payload Map<String, Object> payload, Map<String, Object> headers);

        @Payload("args[0] += args[1] += '!'")
        void payloadAnnotationAtMethodLevel(String a, String b);

        @Payload("someBean.sum(args[0])")
        void payloadAnnotationAtMethodLevelUsingBeanResolver(String s);

        void payloadAnnotationWithExpression(@Payload("arg.toUpperCase()") String s);

        void payloadAnnotationWithExpressionUsingBeanResolver(@Payload("someBean.sum(arg)") String s);

        void headerNamedByTheParameter(String payload, @Header String table);

        void optionalHeader(String payload, @Header(value = "note", required = false) String note);

        void mapFirst(Map<String, Object> headers, String payload);

        @Gateway(payloadExpression = "args[0] * 2")
        void payloadFromGatewayAnnotation(int value);
    }

    private final MyGateway gateway = GatewayProxyFactory.builder(MyGateway.class).channelResolver(channels)
            .expressionParser(new ExpressionParser(new NamedBeans(Map.of("someBean", new Summer()))))
            .create();

    @Test
    void theFirstNonMapArgumentIsThePayloadAndAMapBecomesHeaders() {
        gateway.payloadAndHeaderMapWithoutAnnotations("order", Map.of("table", 4, "waiter", "ann"));

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("order");
        assertThat(request.getHeaders()).containsEntry("table", 4).containsEntry("waiter", "ann");
    }

    @Test
    void theFirstNonMapArgumentIsThePayloadWhereverTheMapIs() {
        gateway.mapFirst(Map.of("table", 4), "order");

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("order");
        assertThat(request.getHeaders()).containsEntry("table", 4);
    }

    @Test
    void payloadAndHeadersAnnotations() {
        gateway.payloadAndHeaderMapWithAnnotations("order", Map.of("table", 4));

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("order");
        assertThat(request.getHeaders()).containsEntry("table", 4);
    }

    @Test
    void headerArgumentsAroundAnAnnotatedPayload() {
        gateway.headerValuesAndPayloadWithAnnotations("v1", "order", "v2");

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("order");
        assertThat(request.getHeaders()).containsEntry("k1", "v1").containsEntry("k2", "v2");
    }

    @Test
    void aLoneMapIsThePayloadAndAddsNoHeaders() {
        Map<String, Object> map = Map.of("table", 4);
        gateway.mapOnly(map);

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo(map);
        assertThat(request.getHeaders()).doesNotContainKey("table");
    }

    @Test
    void aMapAnnotatedPayloadLeavesTheOtherMapForHeaders() {
        Map<String, Object> payload = Map.of("item", "tea");
        gateway.twoMapsAndOneAnnotatedWithPayload(payload, Map.of("table", 4));

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo(payload);
        assertThat(request.getHeaders()).containsEntry("table", 4).doesNotContainKey("item");
    }

    @Test
    void aMethodLevelPayloadExpressionSeesTheArguments() {
        gateway.payloadAnnotationAtMethodLevel("a", "b");
        assertThat(nextRequest().getPayload()).isEqualTo("ab!");

        gateway.payloadFromGatewayAnnotation(21);
        assertThat(nextRequest().getPayload()).isEqualTo(42L);
    }

    @Test
    void payloadExpressionsCanUseNamedBeans() {
        gateway.payloadAnnotationAtMethodLevelUsingBeanResolver("1,2,3");
        assertThat(nextRequest().getPayload()).isEqualTo(6);

        gateway.payloadAnnotationWithExpressionUsingBeanResolver("4,5");
        assertThat(nextRequest().getPayload()).isEqualTo(9);
    }

    @Test
    void aParameterPayloadExpressionSeesItsArgumentAsArg() {
        gateway.payloadAnnotationWithExpression("tea");
        assertThat(nextRequest().getPayload()).isEqualTo("TEA");
    }

    @Test
    void aHeaderWithoutNameIsNamedAfterTheParameter() {
        gateway.headerNamedByTheParameter("order", "12");
        assertThat(nextRequest().getHeaders()).containsEntry("table", "12");
    }

    @Test
    void anOptionalHeaderPassedNullIsLeftOut() {
        gateway.optionalHeader("order", null);
        assertThat(nextRequest().getHeaders()).doesNotContainKey("note");

        gateway.optionalHeader("order", "no sugar");
        assertThat(nextRequest().getHeaders()).containsEntry("note", "no sugar");
    }

    @Test
    void invalidArgumentsFailTheCallAndSendNothing() {
        assertThatThrownBy(() -> gateway.payloadAndHeaderMapWithoutAnnotations(null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 's' of MyGateway.payloadAndHeaderMapWithoutAnnotations(String, Map)")
                .hasMessageContaining("null");
        assertThatThrownBy(() -> gateway.headerValuesAndPayloadWithAnnotations(null, "order", "v2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required header 'k1'");
        Map<Object, Object> badKeys = new HashMap<>();
        badKeys.put(42, "x");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> headers = (Map) badKeys;
        assertThatThrownBy(() -> gateway.payloadAndHeaderMapWithAnnotations("order", headers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42");
        // EL yields null for a method called on null, and a message needs a payload
        assertThatThrownBy(() -> gateway.payloadAnnotationWithExpression(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'arg.toUpperCase()' evaluated to null");
        assertThat(requests.getQueueSize()).isZero();
    }

    // ---- failing expressions ----

    @MessagingGateway(defaultRequestChannel = "requests")
    interface Joining {
        @Payload("args[0] + args[1]")
        void join(String first, String second);

        void shout(@Payload("arg.toUpperCase() + '!'") String word);

        @Gateway(headers = @GatewayHeader(name = "next", expression = "args[1] + 1"))
        void numbered(@Payload String text, @Header("number") String number);
    }

    @MessagingGateway(defaultRequestChannel = "requests", defaultPayloadExpression = "args[0] - 1",
            defaultHeaders = @GatewayHeader(name = "double", expression = "args[1] * 2"))
    interface Counting {
        void countDown(String from);

        void twice(@Payload String text, @Header("ignored") String number);
    }

    @Test
    void aFailingPayloadExpressionReachesTheCallerNamingItselfTheMethodAndTheWayToJoinStrings() {
        Joining joining = GatewayProxyFactory.builder(Joining.class).channelResolver(channels).create();

        assertThatThrownBy(() -> joining.join("tea", "cake"))
                .isInstanceOf(MessagingException.class)
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'args[0] + args[1]'")
                .hasMessageContaining("Joining.join(String, String)")
                .hasMessageContaining("Jakarta EL's '+' adds numbers; to join strings use '+=' (\"args[0] += args[1]\")"
                        + " or concat");
        assertThatThrownBy(() -> joining.shout("tea"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'arg.toUpperCase() + '!''")
                .hasMessageContaining("parameter 'word'").hasMessageContaining("Joining.shout(String)")
                .hasMessageContaining("(\"arg.toUpperCase() += '!'\")");
        assertThat(requests.getQueueSize()).isZero();
    }

    @Test
    void aFailingHeaderExpressionReachesTheCallerNamingTheHeaderAndTheMethod() {
        Joining joining = GatewayProxyFactory.builder(Joining.class).channelResolver(channels).create();

        assertThatThrownBy(() -> joining.numbered("tea", "first"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'args[1] + 1'")
                .hasMessageContaining("header 'next'").hasMessageContaining("Joining.numbered(String, String)");
        assertThat(requests.getQueueSize()).isZero();
    }

    @Test
    void aFailingDefaultExpressionNamesTheMethodThatUsedIt() {
        Counting counting = GatewayProxyFactory.builder(Counting.class).channelResolver(channels).create();

        assertThatThrownBy(() -> counting.countDown("ten"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'args[0] - 1'")
                .hasMessageContaining("Counting.countDown(String)")
                .hasMessageNotContaining("'+='");
        assertThatThrownBy(() -> counting.twice("tea", "two"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'args[1] * 2'")
                .hasMessageContaining("header 'double'").hasMessageContaining("Counting.twice(String, String)");
        assertThat(requests.getQueueSize()).isZero();
    }

    @Test
    void aNullHeaderMapAddsNoHeaders() {
        gateway.payloadAndHeaderMapWithAnnotations("order", null);
        assertThat(nextRequest().getPayload()).isEqualTo("order");
    }

    // ---- headers: precedence and expressions ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultHeaders = {
            @GatewayHeader(name = "a", value = "default"),
            @GatewayHeader(name = "b", value = "default"),
            @GatewayHeader(name = "c", value = "default"),
            @GatewayHeader(name = "e", value = "default"),
            @GatewayHeader(name = "calledMethod", expression = "gatewayMethod.name")})
    interface Precedence {
        @Gateway(headers = {@GatewayHeader(name = "b", value = "method"), @GatewayHeader(name = "d", value = "method")})
        void send(String payload, @Header("a") String a, @Header("d") String d, @Headers Map<String, Object> more);

        void plain(String payload);

        void optional(String payload, @Header(value = "a", required = false) String a);
    }

    @Test
    void methodHeadersWinOverDefaultsAndDefaultsNeverOverrideArguments() {
        Precedence precedence = GatewayProxyFactory.builder(Precedence.class).channelResolver(channels).create();
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("a", "map");
        more.put("c", "map");

        precedence.send("order", "argument", "argument", more);

        Message<?> request = nextRequest();
        assertThat(request.getHeaders())
                .containsEntry("a", "argument")   // @Header argument over the map and the default
                .containsEntry("b", "method")     // the method's header over the default
                .containsEntry("c", "map")        // a header map over the default
                .containsEntry("d", "method")     // the method's header over the @Header argument
                .containsEntry("e", "default")    // a default nobody redefines
                .containsEntry("calledMethod", "send");

        precedence.plain("order");
        assertThat(nextRequest().getHeaders()).containsEntry("a", "default").containsEntry("calledMethod", "plain");
    }

    @Test
    void aNullArgumentNeverErasesADefaultHeader() {
        Precedence precedence = GatewayProxyFactory.builder(Precedence.class).channelResolver(channels).create();
        Map<String, Object> more = new HashMap<>();
        more.put("c", null);

        precedence.send("order", "argument", "argument", more);
        assertThat(nextRequest().getHeaders()).containsEntry("c", "default");

        precedence.optional("order", null);
        assertThat(nextRequest().getHeaders()).containsEntry("a", "default");
    }

    @MessagingGateway(defaultRequestChannel = "requests", defaultHeaders =
            @GatewayHeader(name = "length", expression = "payload.length()"))
    interface HeaderExpressions {
        @Gateway(headers = {
                @GatewayHeader(name = "signature", expression = "gatewayMethod.toString()"),
                @GatewayHeader(name = "second", expression = "args[1]"),
                @GatewayHeader(name = "absent", expression = "args[1] == 'x' ? 'x' : null")})
        void send(String payload, @Header("other") String other);
    }

    @Test
    void headerExpressionsSeeArgsGatewayMethodAndPayload() throws Exception {
        HeaderExpressions gateway = GatewayProxyFactory.builder(HeaderExpressions.class).channelResolver(channels)
                .create();

        gateway.send("four", "2nd");

        Message<?> request = nextRequest();
        assertThat(request.getHeaders()).containsEntry("length", 4).containsEntry("second", "2nd")
                .containsEntry("other", "2nd").doesNotContainKey("absent");
        assertThat(request.getHeaders().get("signature")).isEqualTo(
                HeaderExpressions.class.getMethod("send", String.class, String.class).toString());
    }

    @Test
    void theBuilderOverridesAndAddsDefaultHeaders() {
        Precedence precedence = GatewayProxyFactory.builder(Precedence.class).channelResolver(channels)
                .defaultHeader("a", 7).defaultHeaderExpression("f", "args[0].toUpperCase()").create();

        precedence.plain("order");

        assertThat(nextRequest().getHeaders()).containsEntry("a", 7).containsEntry("b", "default")
                .containsEntry("f", "ORDER");
    }

    // ---- default payload expression ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultPayloadExpression = "gatewayMethod.name")
    interface DefaultPayload {
        void withArguments(String ignored, Map<String, Object> headers);

        void withPayloadParameter(@Payload String payload);

        @Payload("'own'")
        void withOwnExpression(String ignored);
    }

    @Test
    void theDefaultPayloadExpressionAppliesUnlessTheMethodDefinesItsPayload() {
        DefaultPayload gateway = GatewayProxyFactory.builder(DefaultPayload.class).channelResolver(channels).create();

        gateway.withArguments("x", Map.of("table", 4));
        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("withArguments");
        assertThat(request.getHeaders()).containsEntry("table", 4);

        gateway.withPayloadParameter("mine");
        assertThat(nextRequest().getPayload()).isEqualTo("mine");

        gateway.withOwnExpression("x");
        assertThat(nextRequest().getPayload()).isEqualTo("own");
    }

    @Test
    void expressionsAreParsedOnceWhenTheGatewayIsCreated() {
        CountingFactory factory = new CountingFactory(ExpressionParser.defaultFactory());
        HeaderExpressions gateway = GatewayProxyFactory.builder(HeaderExpressions.class).channelResolver(channels)
                .expressionParser(new ExpressionParser(factory, null)).create();
        int parsedAtCreation = factory.parsed.get();
        assertThat(parsedAtCreation).as("one default and three method header expressions").isEqualTo(4);

        for (int i = 0; i < 100; i++) {
            gateway.send("call " + i, "x");
        }

        assertThat(factory.parsed).as("calls evaluate, never parse").hasValue(parsedAtCreation);
        assertThat(requests.getQueueSize()).isEqualTo(100);
        assertThat(nextRequest().getHeaders()).containsEntry("absent", "x");
    }

    /** Counts how often expressions are parsed. */
    static final class CountingFactory extends ExpressionFactory {
        private final ExpressionFactory delegate;
        final AtomicInteger parsed = new AtomicInteger();

        CountingFactory(ExpressionFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public ValueExpression createValueExpression(ELContext context, String expression, Class<?> expectedType) {
            parsed.incrementAndGet();
            return delegate.createValueExpression(context, expression, expectedType);
        }

        @Override
        public ValueExpression createValueExpression(Object instance, Class<?> expectedType) {
            return delegate.createValueExpression(instance, expectedType);
        }

        @Override
        public MethodExpression createMethodExpression(ELContext context, String expression, Class<?> expectedReturnType,
                Class<?>[] expectedParamTypes) {
            return delegate.createMethodExpression(context, expression, expectedReturnType, expectedParamTypes);
        }

        @Override
        public <T> T coerceToType(Object obj, Class<T> targetType) {
            return delegate.coerceToType(obj, targetType);
        }

        @Override
        public ELResolver getStreamELResolver() {
            return delegate.getStreamELResolver();
        }
    }

    // ---- a custom mapper ----

    interface Mapped {
        void send(String a, int b);

        void ping();
    }

    @Test
    void aCustomMapperBuildsTheRequest() {
        Mapped gateway = GatewayProxyFactory.builder(Mapped.class).defaultRequestChannel(requests)
                .argsMapper((method, args) -> MessageBuilder.withPayload(args[0] + "/" + args[1])
                        .setHeader("method", method.getName()).build())
                .create();

        gateway.send("a", 2);

        Message<?> request = nextRequest();
        assertThat(request.getPayload()).isEqualTo("a/2");
        assertThat(request.getHeaders()).containsEntry("method", "send");
    }

    @Test
    void aCustomMapperAlsoMapsMethodsWithoutParameters() {
        Mapped gateway = GatewayProxyFactory.builder(Mapped.class).defaultRequestChannel(requests)
                .argsMapper((method, args) -> Message.of(method.getName() + args.length)).create();

        gateway.ping();

        assertThat(nextRequest().getPayload()).isEqualTo("ping0");
    }

    @Test
    void aCustomMapperReturningNullFailsTheCall() {
        Mapped gateway = GatewayProxyFactory.builder(Mapped.class).defaultRequestChannel(requests)
                .argsMapper((method, args) -> null).create();

        assertThatThrownBy(() -> gateway.send("a", 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mapped.send(String, int)");
    }

    private Message<?> nextRequest() {
        Message<?> request = requests.receive(Duration.ZERO);
        assertThat(request).as("a request was sent").isNotNull();
        return request;
    }

    /** A bean the expressions reach by name. */
    public static final class Summer {
        public int sum(String numbers) {
            int total = 0;
            for (String number : numbers.split(",")) {
                total += Integer.parseInt(number.strip());
            }
            return total;
        }
    }

}

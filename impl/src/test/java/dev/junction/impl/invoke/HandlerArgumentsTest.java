package dev.junction.impl.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.Headers;
import dev.junction.api.annotation.Payload;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.convert.ConversionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where each parameter's argument comes from; every handler returns what it received, to look at. */
class HandlerArgumentsTest {

    private static final ConversionRegistry STRING_TO_INTEGER = ConversionRegistry.builder()
            .register(String.class, Integer.class, Integer::valueOf).build();

    private static Object invoke(Object target, String methodName, Message<?> message) {
        return invoker(target, methodName).invoke(message);
    }

    private static HandlerMethodInvoker invoker(Object target, String methodName) {
        return HandlerMethodInvoker.forTarget(target).methodName(methodName).conversion(STRING_TO_INTEGER).build();
    }

    private static Message<?> withHeader(Object payload, String name, Object value) {
        return MessageBuilder.withPayload(payload).setHeader(name, value).build();
    }

    public static class Handlers {
        public Object payload(String text) {
            return text;
        }

        public Object annotatedPayload(@Payload Integer number) {
            return number;
        }

        public Object primitivePayload(int number) {
            return number;
        }

        public Object objectPayload(Object anything) {
            return anything;
        }

        public Object message(Message<?> message) {
            return message;
        }

        public Object errorMessage(ErrorMessage message) {
            return message;
        }

        public Object messageAndPayload(Message<String> message, String payload) {
            return List.of(message, payload);
        }

        public Object namedHeader(@Header("customer-id") String customer) {
            return customer;
        }

        public Object headerNamedLikeItsParameter(@Header String region) {
            return region;
        }

        public Object convertedHeader(@Header("count") Integer count) {
            return count;
        }

        public Object primitiveHeader(@Header("count") int count) {
            return count;
        }

        public Object optionalHeader(@Header(value = "note", required = false) String note) {
            return note == null ? "absent" : note;
        }

        public Object optionalTypedHeader(@Header("count") Optional<Integer> count) {
            return count;
        }

        public Object optionalPayload(Optional<Integer> payload) {
            return payload;
        }

        public Object allHeaders(@Headers Map<String, Object> headers) {
            return headers;
        }

        public Object payloadAndMap(String payload, Map<String, Object> headers) {
            return List.of(payload, headers);
        }

        public Object soleMap(Map<String, Object> map) {
            return map;
        }

        public Object soleHashMap(HashMap<String, Object> map) {
            return map;
        }

        public Object annotatedMaps(@Payload Map<String, Object> payload, @Headers Map<String, Object> headers) {
            return List.of(payload, headers);
        }

        public Object noArguments() {
            return "ticked";
        }

        public Object mixed(@Header("k1") String first, @Payload String payload, @Header("k2") String second) {
            return first + payload + second;
        }

        public Object many(String payload, @Header("a") String a, @Header("b") String b, @Header("c") String c,
                           @Headers Map<String, Object> headers) {
            return payload + a + b + c + headers.size();
        }

        public Object expression(@Payload("payload.name") String name) {
            return name;
        }

        public Object primitiveExpression(@Payload("payload.size") int size) {
            return size;
        }

        public Object optionalExpression(@Payload("payload.middleName") Optional<String> middleName) {
            return middleName;
        }
    }

    public static class TwoPayloads {
        public Object handle(String first, Integer second) {
            return first;
        }
    }

    public static class TwoAnnotatedPayloads {
        public Object handle(@Payload String first, @Payload String second) {
            return first;
        }
    }

    public static class TwoMaps {
        public Object handle(Map<String, Object> first, Map<String, Object> second) {
            return first;
        }
    }

    public static class PayloadAndHeader {
        public Object handle(@Payload @Header("x") String both) {
            return both;
        }
    }

    public static class HeadersOnString {
        public Object handle(@Headers String headers) {
            return headers;
        }
    }

    public static class OptionalPrimitiveHeader {
        public Object handle(@Header(value = "count", required = false) long count) {
            return count;
        }
    }

    @Test
    void anUnannotatedParameterTakesThePayload() {
        assertThat(invoke(new Handlers(), "payload", Message.of("text"))).isEqualTo("text");
        assertThat(invoke(new Handlers(), "objectPayload", Message.of(42))).isEqualTo(42);
        assertThat(invoke(new Handlers(), "annotatedPayload", Message.of(7))).isEqualTo(7);
    }

    @Test
    void thePayloadIsConvertedThroughTheRegistry() {
        assertThat(invoke(new Handlers(), "annotatedPayload", Message.of("12"))).isEqualTo(12);
        assertThat(invoke(new Handlers(), "primitivePayload", Message.of("13"))).isEqualTo(13);
        assertThat(invoke(new Handlers(), "primitivePayload", Message.of(14))).isEqualTo(14);
    }

    @Test
    void aPayloadWithoutConverterNamesBothTypesAndTheMethod() {
        Message<?> message = Message.of(2.5d);
        assertThatThrownBy(() -> invoke(new Handlers(), "annotatedPayload", message))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("Cannot pass the payload (java.lang.Double)")
                .hasMessageContaining("parameter 'number' of " + Handlers.class.getName() + ".annotatedPayload(Integer)")
                .hasMessageContaining("no converter from java.lang.Double to java.lang.Integer is registered")
                .hasMessageContaining("Register one")
                .hasMessageContaining(message.getHeaders().getId().toString())
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void aFailingConverterIsTheCause() {
        assertThatThrownBy(() -> invoke(new Handlers(), "annotatedPayload", Message.of("twelve")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("parameter 'number'")
                .hasRootCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void aMessageParameterTakesTheWholeMessage() {
        Message<String> message = Message.of("whole");
        assertThat(invoke(new Handlers(), "message", message)).isSameAs(message);
        assertThat(invoke(new Handlers(), "messageAndPayload", message)).isEqualTo(List.of(message, "whole"));
    }

    @Test
    void aMessageSubtypeParameterTakesOnlyThatSubtype() {
        ErrorMessage error = new ErrorMessage(new IllegalStateException("boom"), Message.of("original"));
        assertThat(invoke(new Handlers(), "errorMessage", error)).isSameAs(error);
        assertThatThrownBy(() -> invoke(new Handlers(), "errorMessage", Message.of("plain")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("takes a " + ErrorMessage.class.getName());
    }

    @Test
    void aHeaderParameterTakesTheNamedHeader() {
        assertThat(invoke(new Handlers(), "namedHeader", withHeader("p", "customer-id", "c-17"))).isEqualTo("c-17");
    }

    @Test
    void theHeaderNameDefaultsToTheParameterName() {
        assertThat(invoke(new Handlers(), "headerNamedLikeItsParameter", withHeader("p", "region", "eu")))
                .isEqualTo("eu");
    }

    @Test
    void headerValuesAreConvertedAndUnboxed() {
        assertThat(invoke(new Handlers(), "convertedHeader", withHeader("p", "count", "3"))).isEqualTo(3);
        assertThat(invoke(new Handlers(), "primitiveHeader", withHeader("p", "count", "4"))).isEqualTo(4);
        assertThat(invoke(new Handlers(), "primitiveHeader", withHeader("p", "count", 5))).isEqualTo(5);
    }

    @Test
    void aMissingRequiredHeaderNamesTheHeaderTheMethodAndTheMessage() {
        Message<String> message = Message.of("p");
        assertThatThrownBy(() -> invoke(new Handlers(), "namedHeader", message))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("Required header 'customer-id' is missing")
                .hasMessageContaining(Handlers.class.getName() + ".namedHeader(String)")
                .hasMessageContaining("message id " + message.getHeaders().getId())
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void aHeaderThatIsNotRequiredIsNullWhenMissing() {
        assertThat(invoke(new Handlers(), "optionalHeader", Message.of("p"))).isEqualTo("absent");
        assertThat(invoke(new Handlers(), "optionalHeader", withHeader("p", "note", "hi"))).isEqualTo("hi");
    }

    @Test
    void anOptionalHeaderIsNeverRequiredAndIsConverted() {
        assertThat(invoke(new Handlers(), "optionalTypedHeader", Message.of("p"))).isEqualTo(Optional.empty());
        assertThat(invoke(new Handlers(), "optionalTypedHeader", withHeader("p", "count", "8")))
                .isEqualTo(Optional.of(8));
    }

    @Test
    void anOptionalPayloadIsWrappedAndConverted() {
        assertThat(invoke(new Handlers(), "optionalPayload", Message.of("9"))).isEqualTo(Optional.of(9));
    }

    @Test
    void aPrimitiveHeaderCannotBeOptional() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new OptionalPrimitiveHeader()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("parameter 'count' of " + OptionalPrimitiveHeader.class.getName())
                .hasMessageContaining("required = false")
                .hasMessageContaining("long cannot be null")
                .hasMessageContaining("Use the wrapper type or Optional");
    }

    @Test
    void headersParameterTakesAllHeaders() {
        Message<?> message = withHeader("p", "k", "v");
        assertThat(invoke(new Handlers(), "allHeaders", message)).isSameAs(message.getHeaders());
    }

    @Test
    void headersOnATypeThatCannotHoldThemIsRefused() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new HeadersOnString()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("parameter 'headers' of " + HeadersOnString.class.getName() + ".handle(String)")
                .hasMessageContaining("is annotated @Headers")
                .hasMessageContaining("Declare it as Map<String, Object>");
    }

    @Test
    void anUnannotatedMapNextToAPayloadParameterTakesTheHeaders() {
        Message<?> message = withHeader("p", "k", "v");
        assertThat(invoke(new Handlers(), "payloadAndMap", message)).isEqualTo(List.of("p", message.getHeaders()));
    }

    @Test
    void aSoleUnannotatedMapTakesAMapPayloadOrElseTheHeaders() {
        Map<String, Object> payload = Map.of("order", 1);
        assertThat(invoke(new Handlers(), "soleMap", Message.of(payload))).isSameAs(payload);
        Message<String> text = Message.of("text");
        assertThat(invoke(new Handlers(), "soleMap", text)).isSameAs(text.getHeaders());
    }

    @Test
    void aMapTypeThatCannotHoldTheHeadersIsAPayloadParameter() {
        HashMap<String, Object> payload = new HashMap<>(Map.of("a", 1));
        assertThat(invoke(new Handlers(), "soleHashMap", Message.of(payload))).isSameAs(payload);
    }

    @Test
    void annotatedMapsTakeWhatTheirAnnotationsSay() {
        Map<String, Object> payload = Map.of("order", 1);
        Message<?> message = Message.of(payload);
        assertThat(invoke(new Handlers(), "annotatedMaps", message)).isEqualTo(List.of(payload, message.getHeaders()));
    }

    @Test
    void aMethodWithoutParametersIsCalledWithout() {
        assertThat(invoke(new Handlers(), "noArguments", Message.of("ignored"))).isEqualTo("ticked");
    }

    @Test
    void headersAndPayloadMixInAnyOrder() {
        Message<?> message = MessageBuilder.withPayload("-").setHeader("k1", "a").setHeader("k2", "b").build();
        assertThat(invoke(new Handlers(), "mixed", message)).isEqualTo("a-b");
    }

    @Test
    void manyParametersAreMappedToo() {
        Message<?> message = MessageBuilder.withPayload("p").setHeader("a", "1").setHeader("b", "2")
                .setHeader("c", "3").build();
        assertThat(invoke(new Handlers(), "many", message)).isEqualTo("p123" + message.getHeaders().size());
    }

    @Test
    void twoPayloadParametersAreRefused() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new TwoPayloads()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(TwoPayloads.class.getName() + ".handle(String, Integer)")
                .hasMessageContaining("2 parameters that would take the payload (String first, Integer second)")
                .hasMessageContaining("@Header");
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new TwoAnnotatedPayloads()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(TwoAnnotatedPayloads.class.getName() + ".handle(String, String)");
    }

    @Test
    void twoUnannotatedMapsAreAmbiguous() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new TwoMaps()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining(TwoMaps.class.getName() + ".handle(Map, Map)")
                .hasMessageContaining("2 unannotated Map parameters")
                .hasMessageContaining("@Payload and @Headers");
    }

    @Test
    void twoBindingAnnotationsOnOneParameterAreRefused() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new PayloadAndHeader()).build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("parameter 'both' of " + PayloadAndHeader.class.getName())
                .hasMessageContaining("Only one of @Payload, @Header and @Headers");
    }

    @Test
    void aPayloadExpressionIsEvaluatedByTheSuppliedEvaluator() {
        List<String> seen = new ArrayList<>();
        PayloadExpressionEvaluator evaluator = (expression, message, expectedType) -> {
            seen.add(expression + " as " + expectedType.getSimpleName());
            Map<?, ?> payload = (Map<?, ?>) message.getPayload();
            return switch (expression) {
                case "payload.name" -> payload.get("name");
                case "payload.size" -> payload.size();
                default -> null;
            };
        };
        Message<?> message = Message.of(Map.of("name", "Ada"));
        HandlerMethodInvoker.Builder builder = HandlerMethodInvoker.forTarget(new Handlers()).payloadExpressions(evaluator);

        assertThat(builder.methodName("expression").build().invoke(message)).isEqualTo("Ada");
        assertThat(builder.methodName("primitiveExpression").build().invoke(message)).isEqualTo(1);
        assertThat(builder.methodName("optionalExpression").build().invoke(message)).isEqualTo(Optional.empty());
        assertThat(seen).containsExactly("payload.name as String", "payload.size as int",
                "payload.middleName as String");
    }

    @Test
    void aNullExpressionValueForAPrimitiveIsAHandlingFailure() {
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Handlers()).methodName("primitiveExpression")
                .payloadExpressions((expression, message, type) -> null).build();
        assertThatThrownBy(() -> invoker.invoke(Message.of("p")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("@Payload(\"payload.size\") evaluated to null")
                .hasMessageContaining("parameter 'size'");
    }

    @Test
    void aFailingExpressionIsAHandlingFailureWithTheCause() {
        IllegalStateException broken = new IllegalStateException("no such property");
        HandlerMethodInvoker invoker = HandlerMethodInvoker.forTarget(new Handlers()).methodName("expression")
                .payloadExpressions((expression, message, type) -> {
                    throw broken;
                }).build();
        assertThatThrownBy(() -> invoker.invoke(Message.of("p")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("Evaluating @Payload(\"payload.name\")")
                .hasCause(broken);
    }

    @Test
    void aPayloadExpressionWithoutEvaluatorIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> HandlerMethodInvoker.forTarget(new Handlers()).methodName("expression").build())
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("parameter 'name' of " + Handlers.class.getName() + ".expression(String)")
                .hasMessageContaining("@Payload(\"payload.name\")")
                .hasMessageContaining("without a payload expression evaluator");
    }

    @Test
    void theHeadersMapIsTheMessagesOwn() {
        Message<?> message = withHeader("p", "k", "v");
        Object headers = invoke(new Handlers(), "allHeaders", message);
        assertThat(headers).isInstanceOf(MessageHeaders.class);
    }
}

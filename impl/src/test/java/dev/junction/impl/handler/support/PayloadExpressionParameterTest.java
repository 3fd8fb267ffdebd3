package dev.junction.impl.handler.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Payload;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionEvaluationException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import dev.junction.impl.testing.NamedBeans;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code @Payload("expression")} parameters evaluated by the EL-backed evaluator, end to end. */
class PayloadExpressionParameterTest {

    private final DirectChannel input = new DirectChannel("in");
    private final QueueChannel output = new QueueChannel("out");
    private final Handlers handlers = new Handlers(ConversionRegistry.builder()
            .register(String.class, Customer.class, Customer::new).build(),
            new ExpressionParser(new NamedBeans(Map.of("greeting", "Hello"))));

    @Test
    void passesThePartOfThePayloadTheExpressionSelects() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "greet", toOutput()));
        input.send(Message.of(new Order("Ada", 2)));
        assertThat(payloadOf(output)).isEqualTo("Hi Ada");
    }

    @Test
    void eachDistinctExpressionIsParsedOnceWhenTheHandlerIsBuilt() {
        ElPayloadExpressionEvaluator evaluator = new ElPayloadExpressionEvaluator(new ExpressionParser());
        Message<Order> first = Message.of(new Order("Ada", 2));
        Message<Order> second = Message.of(new Order("Grace", 3));

        assertThat(evaluator.evaluate("payload.name", first, String.class)).isEqualTo("Ada");
        assertThat(evaluator.evaluate("payload.name", second, String.class)).isEqualTo("Grace");
        assertThat(evaluator.evaluate("payload.quantity", second, int.class)).isEqualTo(3);
        assertThat(evaluator.parsedCount()).isEqualTo(2);
    }

    @Test
    void numbersFromArithmeticAreBroughtToTheParameterType() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "nextQuantity", toOutput()));
        input.send(Message.of(new Order("Ada", 2)));
        assertThat(payloadOf(output)).isEqualTo(3);
    }

    @Test
    void otherValuesAreConvertedThroughTheRegistry() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "customer", toOutput()));
        input.send(Message.of(new Order("Ada", 2)));
        assertThat(payloadOf(output)).isEqualTo("customer Ada");
    }

    @Test
    void headersAndNamedBeansAreInScope() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "salute", toOutput()));
        input.send(MessageBuilder.withPayload(new Order("Ada", 2)).setHeader("title", "Dr").build());
        assertThat(payloadOf(output)).isEqualTo("Hello Dr Ada");
    }

    @Test
    void anOptionalParameterGetsAnEmptyOptionalForNull() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "nickname", toOutput()));
        input.send(Message.of(new Order("Ada", 2)));
        input.send(MessageBuilder.withPayload(new Order("Grace", 1)).setHeader("nick", "Amazing").build());

        assertThat(payloadOf(output)).isEqualTo("anonymous");
        assertThat(payloadOf(output)).isEqualTo("Amazing");
    }

    @Test
    void aSyntaxErrorIsRefusedWhenTheHandlerIsBuilt() {
        assertThatThrownBy(() -> handlers.serviceActivator(new Invalid(), null, toOutput()))
                .isInstanceOf(InvalidHandlerMethodException.class)
                .hasMessageContaining("payload.(name")
                .hasMessageContaining("'order'");
    }

    @Test
    void aFailingEvaluationFailsTheMessage() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "greet", toOutput()));
        Message<String> request = Message.of("not an order");
        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("payload.name")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getFailedMessage())
                        .isSameAs(request));
        assertThat(output.getQueueSize()).isZero();
    }

    @Test
    void aFailingEvaluationNamesTheExpressionAndTheParameter() {
        input.subscribe(handlers.serviceActivator(new Greeter(), "label", toOutput()));
        Message<Order> request = Message.of(new Order("Ada", 2));

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload.name + payload.quantity'")
                .hasMessageContaining("parameter 'text' of " + Greeter.class.getName() + ".label(String)")
                .hasMessageContaining("(\"payload.name += payload.quantity\")")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getFailedMessage())
                        .isSameAs(request));
    }

    private ReplyProducerSettings toOutput() {
        return ReplyProducerSettings.named("greeter").outputChannel(output);
    }

    private static Object payloadOf(QueueChannel channel) {
        Message<?> message = channel.receive(Duration.ZERO);
        assertThat(message).as("a message on " + channel.getName()).isNotNull();
        return message.getPayload();
    }

    public static final class Order {
        private final String name;
        private final int quantity;

        Order(String name, int quantity) {
            this.name = name;
            this.quantity = quantity;
        }

        public String getName() {
            return name;
        }

        public int getQuantity() {
            return quantity;
        }
    }

    public static final class Customer {
        private final String name;

        Customer(String name) {
            this.name = name;
        }
    }

    public static class Greeter {
        public String greet(@Payload("payload.name") String name) {
            return "Hi " + name;
        }

        public int nextQuantity(@Payload("payload.quantity + 1") int next) {
            return next;
        }

        public String customer(@Payload("payload.name") Customer customer) {
            return "customer " + customer.name;
        }

        public String salute(@Payload("greeting.concat(' ').concat(headers['title']).concat(' ')"
                + ".concat(payload.name)") String text) {
            return text;
        }

        public String label(@Payload("payload.name + payload.quantity") String text) {
            return text;
        }

        public String nickname(@Payload("headers['nick']") Optional<String> nick) {
            return nick.orElse("anonymous");
        }
    }

    public static class Invalid {
        public String broken(@Payload("payload.(name") String order) {
            return order;
        }
    }
}

package dev.junction.impl.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.testing.NamedBeans;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private final ExpressionParser parser = new ExpressionParser();

    private static Message<Object> withHeader(Object payload, String name, Object value) {
        return MessageBuilder.withPayload(payload).setHeader(name, value).build();
    }

    @Test
    void arithmeticOnThePayload() {
        Expression doubled = parser.parse("payload * 2");

        assertThat(doubled.evaluate(Message.of(21))).isEqualTo(42L);
        assertThat(doubled.evaluate(Message.of(21), Integer.class)).isEqualTo(42);
        assertThat(doubled.evaluate(Message.of(1.5), Double.class)).isEqualTo(3.0);
    }

    @Test
    void headersByIndexAndByProperty() {
        Message<Object> message = withHeader("x", "delay", 250);

        assertThat(parser.parse("headers['delay']").evaluate(message)).isEqualTo(250);
        assertThat(parser.parse("headers.delay").evaluate(message)).isEqualTo(250);
        assertThat(parser.parse("headers.missing").evaluate(message)).isNull();
        assertThat(parser.parse("message.headers.id").evaluate(message)).isEqualTo(message.getHeaders().getId());
    }

    @Test
    void navigatesBeanPropertiesOfThePayload() {
        Message<Order> message = Message.of(new Order(new User("ada"), 3));

        assertThat(parser.parse("payload.user.name").evaluate(message, String.class)).isEqualTo("ada");
        assertThat(parser.parse("payload.user.name.toUpperCase()").evaluate(message)).isEqualTo("ADA");
        assertThat(parser.parse("message.payload.quantity + 1").evaluate(message, int.class)).isEqualTo(4);
    }

    @Test
    void recordComponentsReadAsPropertiesOrThroughTheirAccessors() {
        // EL 5 introspects JavaBeans getters only; a resolver of ours reads record components as properties
        Message<Point> message = Message.of(new Point(2, 5));

        assertThat(parser.parse("payload.x() + payload.y()").evaluate(message, Integer.class)).isEqualTo(7);
        assertThat(parser.parse("payload.x + payload.y").evaluate(message, Integer.class)).isEqualTo(7);
        assertThat(parser.parse("payload['y'] > 4").evaluate(message, Boolean.class)).isTrue();
        assertThatThrownBy(() -> parser.parse("payload.z").evaluate(message))
                .hasMessageContaining("z");
    }

    @Test
    void booleanExpressions() {
        Expression audited = parser.parse("payload > 10 && headers['audit'] == true");

        assertThat(audited.evaluate(withHeader(11, "audit", true), Boolean.class)).isTrue();
        assertThat(audited.evaluate(withHeader(11, "audit", false), Boolean.class)).isFalse();
        assertThat(audited.evaluate(Message.of(11), Boolean.class)).isFalse();
        assertThat(parser.parse("empty headers['missing'] and not (payload lt 3)").evaluate(Message.of(4), boolean.class)).isTrue();
    }

    @Test
    void coercesToTheExpectedType() {
        Message<Object> message = withHeader(42, "delay", "250");

        assertThat(parser.parse("headers['delay']").evaluate(message, Long.class)).isEqualTo(250L);
        assertThat(parser.parse("payload").evaluate(message, String.class)).isEqualTo("42");
        assertThat(parser.parse("'true'").evaluate(message, boolean.class)).isTrue();
    }

    @Test
    void nullStaysNullUnlessThePrimitiveTypeNeedsAValue() {
        Expression missing = parser.parse("headers['missing']");
        Message<String> message = Message.of("x");

        assertThat(missing.evaluate(message, String.class)).isNull();
        assertThat(missing.evaluate(message, Long.class)).isNull();
        assertThat(missing.evaluate(message, boolean.class)).isFalse();
        assertThat(missing.evaluate(message, long.class)).isZero();
    }

    @Test
    void aValueThatCannotBeConvertedIsReportedWithTheExpression() {
        Message<String> message = Message.of("abc");

        assertThatThrownBy(() -> parser.parse("payload").evaluate(message, Integer.class))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload'").hasMessageContaining("abc").hasMessageContaining("java.lang.Integer")
                .satisfies(e -> assertThat(((ExpressionEvaluationException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void aSyntaxErrorNamesTheExpressionAndTheParsersComplaint() {
        assertThatThrownBy(() -> parser.parse("payload * "))
                .isInstanceOf(ExpressionParseException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JNC-0321 Invalid expression 'payload * ': ")
                .hasMessageContaining("Encountered \"}\" at line 1").hasMessageContaining("${payload *}")
                .satisfies(e -> assertThat(((ExpressionParseException) e).getExpressionText()).isEqualTo("payload * "));
        assertThatThrownBy(() -> parser.parse("  ")).isInstanceOf(ExpressionParseException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void anUnknownNameIsReportedWithTheNamesThatExist() {
        Message<Integer> message = Message.of(1);

        assertThatThrownBy(() -> parser.parse("paylod + 1").evaluate(message))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'paylod + 1'")
                .hasMessageContaining("Unknown name 'paylod'")
                .hasMessageContaining("[payload, headers, message]")
                .satisfies(e -> assertThat(((ExpressionEvaluationException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void anUnknownPropertyIsReported() {
        assertThatThrownBy(() -> parser.parse("payload.user.age").evaluate(Message.of(new Order(new User("ada"), 1))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("age");
    }

    @Test
    void classNamesStillResolveForStaticMembers() {
        assertThat(parser.parse("Math.sqrt(payload)").evaluate(Message.of(49))).isEqualTo(7.0);
        assertThat(parser.parse("Integer.MAX_VALUE").evaluate(Message.of(7))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void lambdasAndStreamsWork() {
        Message<List<Integer>> message = Message.of(List.of(1, 2, 3, 4));

        assertThat(parser.parse("payload.stream().filter(n -> n % 2 == 0).map(n -> n * 10).toList()").evaluate(message))
                .isEqualTo(List.of(20L, 40L));
        assertThat(parser.parse("payload[2]").evaluate(message)).isEqualTo(3);
    }

    @Test
    void theExtraResolverResolvesNamedObjectsButVariablesComeFirst() {
        ExpressionParser withBeans = new ExpressionParser(new NamedBeans(Map.of(
                "greeter", new Greeter("hello"),
                "payload", "shadowed by the variable")));

        assertThat(withBeans.parse("greeter.greeting += ' ' += payload").evaluate(Message.of("world")))
                .isEqualTo("hello world");
        assertThat(withBeans.parse("greeter.greet(payload)").evaluate(Message.of("bob"))).isEqualTo("hello bob");
        assertThat(withBeans.parse("payload").evaluate(Message.of("mine"))).isEqualTo("mine");
        assertThatThrownBy(() -> withBeans.parse("stranger").evaluate(Message.of("x")))
                .hasMessageContaining("Unknown name 'stranger'").hasMessageContaining("nor a named bean");
    }

    @Test
    void variablesOfAGatewayCall() throws NoSuchMethodException {
        Method method = Greeter.class.getMethod("greet", String.class);
        Map<String, Object> variables = Map.of("args", new Object[] {"a", 2}, "gatewayMethod", method);

        assertThat(parser.parse("args[1] * 10").evaluate(variables, Integer.class)).isEqualTo(20);
        assertThat(parser.parse("gatewayMethod.name").evaluate(variables, String.class)).isEqualTo("greet");
        assertThat(parser.parse("list[1]").evaluate(Map.of("list", List.of("a", "b")), String.class)).isEqualTo("b");
    }

    @Test
    void aDelimitedTextIsTakenAsWritten() {
        assertThat(parser.parse("${payload + 1}").evaluate(Message.of(1))).isEqualTo(2L);
        assertThat(parser.parse("#{payload}").evaluate(Message.of("p"))).isEqualTo("p");
        assertThat(parser.parse("payload + 1").getExpressionText()).isEqualTo("payload + 1");
    }

    @Test
    void expressionsCannotChangeTheirVariables() {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("m", new java.util.HashMap<>(Map.of("k", 1))));

        assertThatThrownBy(() -> parser.parse("m.k = 2").evaluate(variables)).isInstanceOf(ExpressionEvaluationException.class);
        assertThat(variables.get("m")).isEqualTo(Map.of("k", 1));
    }

    @Test
    void anExpressionSelectorAcceptsWhenTheExpressionIsTrue() {
        ExpressionSelector selector = ExpressionSelector.of("payload > 10");

        assertThat(selector.accept(Message.of(11))).isTrue();
        assertThat(selector.accept(Message.of(10))).isFalse();
        assertThat(ExpressionSelector.of("headers['audit']").accept(Message.of(1))).isFalse();
    }

    public static final class Greeter {
        private final String greeting;

        public Greeter(String greeting) {
            this.greeting = greeting;
        }

        public String getGreeting() {
            return greeting;
        }

        public String greet(String name) {
            return greeting + " " + name;
        }
    }

    public static final class User {
        private final String name;

        public User(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    public static final class Order {
        private final User user;
        private final int quantity;

        public Order(User user, int quantity) {
            this.user = user;
            this.quantity = quantity;
        }

        public User getUser() {
            return user;
        }

        public int getQuantity() {
            return quantity;
        }
    }

    public record Point(int x, int y) {
    }
}

package dev.junction.impl.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.testing.NamedBeans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever goes wrong while an expression is evaluated (EL's own errors, coercions, exceptions of the methods it
 * calls) reaches the caller as an {@link ExpressionEvaluationException} naming the expression, except a
 * {@link MessagingException} a called method throws on purpose.
 */
class EvaluationFailureTest {

    private static final String JOIN_HINT = "Jakarta EL's '+' adds numbers; to join strings use '+='";

    private final Kitchen kitchen = new Kitchen();
    private final ExpressionParser parser = new ExpressionParser(new NamedBeans(Map.of("kitchen", kitchen)));

    @Test
    void plusOnStringsThatAreNoNumbersIsReportedWithAHintToJoinThem() {
        Map<String, Object> variables = Map.of("args", new Object[] {"tea", "cake"});

        assertThatThrownBy(() -> parser.parse("args[0] + args[1]").evaluate(variables))
                .isInstanceOf(ExpressionEvaluationException.class)
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'args[0] + args[1]'")
                .hasMessageContaining("For input string: \"tea\"")
                .hasMessageContaining(JOIN_HINT + " (\"args[0] += args[1]\") or concat")
                .hasCauseInstanceOf(NumberFormatException.class)
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getExpressionText())
                        .isEqualTo("args[0] + args[1]"));
    }

    @Test
    void aFailedArithmeticOnAMessageCarriesTheMessage() {
        Message<String> message = Message.of("tea");

        assertThatThrownBy(() -> parser.parse("payload + ' with milk'").evaluate(message))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining(JOIN_HINT + " (\"payload += ' with milk'\") or concat")
                .satisfies(failure -> assertThat(((MessagingException) failure).getFailedMessage()).isSameAs(message));
    }

    @Test
    void theHintRewritesOnlyTheAdditionOperators() {
        Message<String> message = Message.of("tea");

        assertThatThrownBy(() -> parser.parse("payload + 'a+b' + \"c\\\"+\" + 1e+2").evaluate(message))
                .hasMessageContaining("(\"payload += 'a+b' += \"c\\\"+\" += 1e+2\")");
        assertThatThrownBy(() -> parser.parse("payload += 1 + payload").evaluate(message))
                .hasMessageContaining("(\"payload += 1 += payload\")");
    }

    @Test
    void theHintTellsAnExponentFromAnAddition() {
        assertThat(JoinHint.joined("payload * 1e+3")).isNull();
        assertThat(JoinHint.joined("payload * 2.5E+3 + 1")).isEqualTo("payload * 2.5E+3 += 1");
        assertThat(JoinHint.joined("size1e+1")).isEqualTo("size1e+=1");
        assertThat(JoinHint.joined("'+' += payload")).isNull();
    }

    @Test
    void otherArithmeticOnStringsIsReportedWithoutTheHint() {
        assertThatThrownBy(() -> parser.parse("payload * 2").evaluate(Message.of("tea")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload * 2'")
                .hasMessageNotContaining("'+='");
    }

    @Test
    void aComparisonWithAnObjectThatIsNoNumberIsReported() {
        assertThatThrownBy(() -> parser.parse("payload > 1").evaluate(Message.of(kitchen)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload > 1'")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExceptionOfACalledMethodIsReportedWithTheExpression() {
        Message<String> message = Message.of("soup");

        assertThatThrownBy(() -> parser.parse("kitchen.cook(payload)").evaluate(message))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'kitchen.cook(payload)'")
                .hasMessageContaining("the stove is cold")
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .satisfies(failure -> assertThat(((MessagingException) failure).getFailedMessage()).isSameAs(message));
    }

    /** A called method that means to fail the message with a messaging error decides its type: it is not wrapped. */
    @Test
    void aMessagingExceptionThrownByACalledMethodKeepsItsType() {
        Message<String> message = Message.of("caviar");

        assertThatThrownBy(() -> parser.parse("kitchen.refuse(message)").evaluate(message))
                .isSameAs(kitchen.refusal)
                .isInstanceOf(MessageRejectedException.class);
    }

    @Test
    void failuresNameWhereTheExpressionIsUsed() {
        Expression doubled = parser.parse("payload * 2", "endpoint 'doubler'");

        assertThatThrownBy(() -> doubled.evaluate(Message.of("tea")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageStartingWith("Cannot evaluate expression 'payload * 2' (endpoint 'doubler'): "
                        + "java.lang.NumberFormatException: For input string: \"tea\"")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getPlace())
                        .isEqualTo("endpoint 'doubler'"));
        assertThatThrownBy(() -> doubled.evaluate(Message.of(2), Message.class))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageStartingWith("Expression 'payload * 2' (endpoint 'doubler') gave a java.lang.Long (4)");
        assertThatThrownBy(() -> parser.parse("unknown").evaluate(Map.of()))
                .hasMessageStartingWith("Cannot evaluate expression 'unknown': ")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getPlace()).isNull());
    }

    @Test
    void anExpressionPlacedElsewhereSharesItsParse() {
        Expression shared = parser.parse("payload * 2");
        Expression placed = shared.usedIn("the selector of the wire tap to 'audit'");

        assertThat(placed.evaluate(Message.of(21))).isEqualTo(42L);
        assertThat(placed.getExpressionText()).isEqualTo("payload * 2");
        assertThat(placed.getPlace()).isEqualTo("the selector of the wire tap to 'audit'");
        assertThat(shared.getPlace()).isNull();
        assertThatThrownBy(() -> placed.evaluate(Message.of("tea")))
                .hasMessageContaining("(the selector of the wire tap to 'audit')");
    }

    /** A bean the expressions reach by name. */
    public static final class Kitchen {
        MessageRejectedException refusal;

        public String cook(String dish) {
            throw new IllegalStateException("the stove is cold, cannot cook " + dish);
        }

        public String refuse(Message<?> order) {
            refusal = new MessageRejectedException(order, "not on the menu");
            throw refusal;
        }
    }
}

package dev.junction.impl.handler.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.ReplyRequiredException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.expression.ExpressionEvaluationException;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.ServiceActivatingHandler;
import dev.junction.impl.testing.NamedBeans;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service activators whose work is a Jakarta EL expression, with named beans from the parser's resolver. */
class ExpressionServiceActivatorTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final DirectChannel input = channels.register(new DirectChannel("in"));
    private final QueueChannel output = channels.register(new QueueChannel("out"));
    private final Pricing pricing = new Pricing(new BigDecimal("2.50"), 3);
    private final Handlers handlers = new Handlers(ConversionRegistry.empty(),
            new ExpressionParser(new NamedBeans(Map.of("pricing", pricing))));

    @Test
    void theReplyIsTheExpressionsValue() {
        input.subscribe(handlers.serviceActivator("payload * 2", toOutput("doubler")));
        input.send(Message.of(21));
        assertThat(payloadOf(output)).isEqualTo(42L);
    }

    @Test
    void headersAreInScope() {
        input.subscribe(handlers.serviceActivator("payload.concat('@').concat(headers['table'])", toOutput("tagger")));
        input.send(MessageBuilder.withPayload("tea").setHeader("table", "t4").build());
        assertThat(payloadOf(output)).isEqualTo("tea@t4");
    }

    @Test
    void aNamedBeanIsCalledWithThePayload() {
        input.subscribe(handlers.serviceActivator("pricing.priceOf(payload)", toOutput("pricer")));
        input.send(Message.of(4));
        assertThat(payloadOf(output)).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void aNamedBeansPropertyTakesPartInArithmetic() {
        input.subscribe(handlers.serviceActivator("payload * pricing.factor", toOutput("scaler")));
        input.send(Message.of(5));
        assertThat(payloadOf(output)).isEqualTo(15L);
    }

    @Test
    void theExpressionIsParsedOnceAndServesEveryMessage() {
        ServiceActivatingHandler handler = handlers.serviceActivator("payload + 1", toOutput("increment"));
        input.subscribe(handler);
        input.send(Message.of(1));
        input.send(Message.of(2));

        assertThat(handler.getProcessor()).isInstanceOf(ExpressionEvaluatingProcessor.class);
        assertThat(payloadOf(output)).isEqualTo(2L);
        assertThat(payloadOf(output)).isEqualTo(3L);
    }

    @Test
    void aNullValueSendsNoReply() {
        input.subscribe(handlers.serviceActivator("headers['missing']", toOutput("quiet")));
        input.send(Message.of("x"));
        assertThat(output.getQueueSize()).isZero();
    }

    @Test
    void aNullValueIsAnErrorWhenAReplyIsRequired() {
        input.subscribe(handlers.serviceActivator("headers['missing']", toOutput("required").requiresReply(true)));
        assertThatThrownBy(() -> input.send(Message.of("x"))).isInstanceOf(ReplyRequiredException.class);
    }

    @Test
    void anInvalidExpressionIsRefusedWhenTheHandlerIsBuilt() {
        assertThatThrownBy(() -> handlers.serviceActivator("payload * * 2", toOutput("invalid")))
                .isInstanceOf(ExpressionParseException.class)
                .hasMessageContaining("payload * * 2");
    }

    @Test
    void anUnknownNameFailsTheMessageNamingTheName() {
        input.subscribe(handlers.serviceActivator("discounts.apply(payload)", toOutput("unknown")));
        Message<Integer> request = Message.of(1);

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("discounts")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getFailedMessage())
                        .isSameAs(request));
    }

    @Test
    void aFailingEvaluationNamesTheExpressionAndTheEndpoint() {
        input.subscribe(handlers.serviceActivator("payload + ' to go'", toOutput("takeaway")));
        Message<String> request = Message.of("tea");

        assertThatThrownBy(() -> input.send(request))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'payload + ' to go''")
                .hasMessageContaining("endpoint 'takeaway'")
                .hasMessageContaining("Jakarta EL's '+' adds numbers; to join strings use '+='")
                .satisfies(failure -> assertThat(((ExpressionEvaluationException) failure).getFailedMessage())
                        .isSameAs(request));
        assertThat(output.getQueueSize()).isZero();
    }

    private ReplyProducerSettings toOutput(String name) {
        return ReplyProducerSettings.named(name).outputChannel(output);
    }

    private static Object payloadOf(QueueChannel channel) {
        Message<?> message = channel.receive(Duration.ZERO);
        assertThat(message).as("a message on " + channel.getName()).isNotNull();
        return message.getPayload();
    }

    /** A named bean, as a container would expose it. */
    public static final class Pricing {
        private final BigDecimal unitPrice;
        private final int factor;

        Pricing(BigDecimal unitPrice, int factor) {
            this.unitPrice = unitPrice;
            this.factor = factor;
        }

        public BigDecimal priceOf(int quantity) {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }

        public int getFactor() {
            return factor;
        }
    }
}

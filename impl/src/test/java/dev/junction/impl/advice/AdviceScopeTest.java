package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.AbstractReplyProducingHandler;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.channel.ChannelRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an advice chain covers: the endpoint's own handling, never the flow after it; the order of its advices; a
 * custom advice re-executing the handling; a filter's discard inside or outside the advices.
 */
class AdviceScopeTest {

    private final Junction junction = Junction.create();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        junction.close();
    }

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 10_000)
    interface Client {
        String call(String payload);
    }

    /** An HTTP call stand-in: counts its calls, fails the first {@code failures}. */
    private static MessageHandlerFunction gateway(String name, AtomicInteger calls, int failures) {
        return payload -> {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException(name + " glitch");
            }
            return payload + "+" + name;
        };
    }

    @FunctionalInterface
    interface MessageHandlerFunction extends java.util.function.Function<String, String> {
    }

    @Test
    void aRetryOnTheSecondGatewayDoesNotCallTheFirstAgain() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        junction.flow("requests")
                .handle(gateway("http-gateway1", first, 0)).id("http-gateway1")
                .handle(gateway("http-gateway2", second, 2)).id("http-gateway2").advice(Advices.retry().build());
        Client client = junction.gateway(Client.class);
        junction.start();

        assertThat(client.call("r")).isEqualTo("r+http-gateway1+http-gateway2");
        assertThat(first).as("upstream of the advised endpoint: called once").hasValue(1);
        assertThat(second).hasValue(3);
    }

    @Test
    void aRetryOnTheFirstGatewayDoesNotCoverAFailureDownstream() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        junction.flow("requests")
                .handle(gateway("http-gateway1", first, 0)).id("http-gateway1").advice(Advices.retry().build())
                .handle(gateway("http-gateway2", second, Integer.MAX_VALUE)).id("http-gateway2");
        junction.start();

        assertThatThrownBy(() -> junction.channel("requests").send(Message.of("r")))
                .hasRootCauseMessage("http-gateway2 glitch");
        assertThat(first).as("its reply went downstream after the advice returned").hasValue(1);
        assertThat(second).hasValue(1);
    }

    @Test
    void advicesNestInTheirDeclaredOrderTheFirstOutermost() {
        junction.flow("requests").handle((String payload) -> {
            events.add("handle");
            return payload;
        }).advice(recording("outer"), recording("inner")).handle((String payload) -> {
            events.add("downstream");
            return payload;
        });
        Client client = junction.gateway(Client.class);
        junction.start();

        client.call("x");

        assertThat(events).containsExactly("outer before", "inner before", "handle", "inner after", "outer after",
                "downstream");
    }

    @Test
    void aCustomAdviceMayRunTheHandlingAgainAndChangeTheResult() {
        AtomicInteger calls = new AtomicInteger();
        HandlerAdvice twiceIfEmpty = execution -> {
            Object result = execution.proceed();
            if ("".equals(result)) {
                result = execution.proceed(); // runs the inner advices and the handling again
            }
            return result == null ? null : result + " (advised by " + execution.endpointId() + ")";
        };
        junction.flow("requests").handle((String payload) -> calls.incrementAndGet() == 1 ? "" : payload)
                .id("lookup").advice(twiceIfEmpty, recording("inner"));
        Client client = junction.gateway(Client.class);
        junction.start();

        assertThat(client.call("x")).isEqualTo("x (advised by lookup)");
        assertThat(calls).hasValue(2);
        assertThat(events).containsExactly("inner before", "inner after", "inner before", "inner after");
    }

    @Test
    void aOneWayHandlerIsAdvisedAsAWhole() {
        AtomicInteger calls = new AtomicInteger();
        MessageHandler adapter = message -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("disk full");
            }
            events.add("written " + message.getPayload());
        };
        junction.flow("requests").handle(adapter).id("writer").advice(Advices.retry().build());
        junction.start();

        junction.channel("requests").send(Message.of("x"));

        assertThat(calls).hasValue(3);
        assertThat(events).containsExactly("written x");
    }

    @Test
    void aReplyProducingHandlerBuiltOnItsOwnIsAdvisedBeforeItReplies() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger downstream = new AtomicInteger();
        AbstractReplyProducingHandler outbound = new AbstractReplyProducingHandler(ReplyProducerSettings.named("tcp")) {
            @Override
            protected Object handleRequest(Message<?> request) {
                if (calls.incrementAndGet() < 2) {
                    throw new IllegalStateException("connection reset");
                }
                return request.getPayload() + "!";
            }
        };
        junction.flow("requests").handle(outbound).advice(Advices.retry().build())
                .handle((String payload) -> {
                    downstream.incrementAndGet();
                    return payload;
                });
        Client client = junction.gateway(Client.class);
        junction.start();

        assertThat(client.call("x")).isEqualTo("x!");
        assertThat(calls).hasValue(2);
        assertThat(downstream).hasValue(1);
    }

    @Test
    void aFilterDiscardsInsideItsAdvicesByDefaultAndAfterThemWhenAsked() {
        AtomicInteger decisionsWithin = new AtomicInteger();
        AtomicInteger decisionsAfter = new AtomicInteger();
        ChannelRegistry channels = new ChannelRegistry();
        DirectChannel discard = channels.register(new DirectChannel("discard"));
        discard.subscribe(message -> {
            throw new IllegalStateException("the discard flow failed");
        });
        Handlers handlers = Handlers.standard();
        MessageChannel within = filterInput(handlers, channels, discard, decisionsWithin, true);
        MessageChannel after = filterInput(handlers, channels, discard, decisionsAfter, false);

        assertThatThrownBy(() -> within.send(Message.of("rejected"))).hasRootCauseMessage("the discard flow failed");
        assertThatThrownBy(() -> after.send(Message.of("rejected"))).hasRootCauseMessage("the discard flow failed");

        assertThat(decisionsWithin).as("the discard failed inside the retry: decided again").hasValue(3);
        assertThat(decisionsAfter).as("the retry covered the decision only").hasValue(1);
    }

    private static MessageChannel filterInput(Handlers handlers, ChannelRegistry channels, MessageChannel discard,
            AtomicInteger decisions, boolean discardWithinAdvice) {
        String id = discardWithinAdvice ? "within" : "after";
        AdviceChain chain = AdviceChain.of(List.of(Advices.retry().build()),
                new AdviceContext(id, channels, ExpressionParser.standard()));
        DirectChannel input = new DirectChannel(id);
        input.subscribe(new dev.junction.impl.handler.MessageFilter(message -> {
            decisions.incrementAndGet();
            return false;
        }, discard, false, ReplyProducerSettings.named(id).resolver(channels).adviceChain(chain)
                .discardWithinAdvice(discardWithinAdvice)));
        return input;
    }

    @Test
    void misplacedAdvicesAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(() -> junction.flow("a").advice(Advices.retry().build()))
                .hasMessageStartingWith("JNC-1012");
        assertThatThrownBy(() -> junction.flow("b").handle("payload").advice(recording("x")).advice(recording("y")))
                .hasMessageStartingWith("JNC-1012");
        assertThatThrownBy(() -> junction.flow("c").route("'d'").advice(recording("x")))
                .hasMessageStartingWith("JNC-1013");
    }

    private HandlerAdvice recording(String name) {
        return execution -> {
            events.add(name + " before");
            Object result = execution.proceed();
            events.add(name + " after");
            return result;
        };
    }
}

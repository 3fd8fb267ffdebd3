package dev.junction.impl.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.api.script.Script;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.impl.testing.NamedBeans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngine;
import org.codehaus.groovy.jsr223.GroovyScriptEngineImpl;
import org.codehaus.groovy.runtime.MethodClosure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Script-backed service activators, transformers, filters and routers, in Groovy and in JavaScript (Rhino). */
class ScriptedEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    private PollableChannel out() {
        return junction.register(MessageChannels.queue("out", 10));
    }

    private Object sendAndReceive(PollableChannel out, Message<?> message) {
        junction.channel("in").send(message);
        Message<?> reply = out.receive(WAIT);
        assertThat(reply).as("a reply on 'out'").isNotNull();
        return reply.getPayload();
    }

    @Test
    void anInlineGroovyServiceActivatorSeesThePayloadAndTheHeaders() {
        PollableChannel out = out();
        junction.flow("in").handle(Script.inline("groovy", "payload * headers['quantity']")).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, MessageBuilder.withPayload(7).setHeader("quantity", 3).build()))
                .isEqualTo(21);
    }

    @Test
    void aTransformerFromTheClassPath() {
        PollableChannel out = out();
        junction.flow("in").transform(Script.location("groovy", "classpath:scripts/shout.groovy")).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, MessageBuilder.withPayload("latte").setHeader("excitement", 3).build()))
                .isEqualTo("LATTE!!!");
    }

    @Test
    void aFilterPassesWhatTheScriptAccepts() {
        PollableChannel out = out();
        junction.flow("in").filter(Script.inline("groovy", "return payload == 'good'")).channel("out");
        junction.start();

        junction.channel("in").send(Message.of("bad"));
        junction.channel("in").send(Message.of("good"));
        assertThat(out.receive(WAIT).getPayload()).isEqualTo("good");
        assertThat(out.receive(Duration.ZERO)).as("the bad one was dropped").isNull();
    }

    @Test
    void aRouterSendsWhereTheScriptSays() {
        PollableChannel hot = junction.register(MessageChannels.queue("hot", 10));
        PollableChannel cold = junction.register(MessageChannels.queue("cold", 10));
        junction.flow("in").route(Script.inline("groovy", "payload.endsWith('latte') ? 'hot' : 'cold'"));
        junction.start();

        junction.channel("in").send(Message.of("iced tea"));
        junction.channel("in").send(Message.of("caffe latte"));
        assertThat(hot.receive(WAIT).getPayload()).isEqualTo("caffe latte");
        assertThat(cold.receive(WAIT).getPayload()).isEqualTo("iced tea");
    }

    @Test
    void aJavaScriptServiceActivatorWithAVariable() {
        PollableChannel out = out();
        junction.flow("in").handle(Script.location("javascript", "classpath:scripts/price.js").variable("rate", 0.5))
                .channel("out");
        junction.start();

        assertThat(((Number) sendAndReceive(out, Message.of("mocha"))).doubleValue()).isEqualTo(2.5);
    }

    @Test
    void aJavaScriptRouter() {
        PollableChannel hot = junction.register(MessageChannels.queue("hot", 10));
        junction.register(MessageChannels.queue("cold", 10));
        junction.flow("in").route(Script.inline("javascript", "payload.indexOf('latte') >= 0 ? 'hot' : 'cold'"));
        junction.start();

        junction.channel("in").send(Message.of("latte"));
        assertThat(hot.receive(WAIT).getPayload()).isEqualTo("latte");
    }

    @Test
    void variablesAreValuesOrNamedBeans() {
        junction = JunctionRuntime.builder()
                .expressionParser(new ExpressionParser(new NamedBeans(Map.of("menu", Map.of("latte", 3.2)))))
                .build();
        PollableChannel out = out();
        junction.flow("in").handle(Script.inline("groovy", "currency + ' ' + prices[payload]")
                .variable("currency", "EUR").beanVariable("prices", "menu")).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, Message.of("latte"))).isEqualTo("EUR 3.2");
    }

    @Test
    void aVariableGeneratorReplacesTheDefaultBindings() {
        PollableChannel out = out();
        junction.flow("in").transform(Script.inline("groovy", "binding.hasVariable('payload') ? 'bound' : drink")
                .variableGenerator(message -> Map.of("drink", "a " + message.getPayload()))).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, Message.of("latte"))).isEqualTo("a latte");
    }

    @Test
    void aVariableGeneratorAndVariablesAreMutuallyExclusive() {
        Script withVariable = Script.inline("groovy", "x").variable("x", 1);
        assertThatThrownBy(() -> withVariable.variableGenerator(message -> Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-1050")
                .hasMessageContaining("mutually exclusive");
        Script withGenerator = Script.inline("groovy", "x").variableGenerator(message -> Map.of());
        assertThatThrownBy(() -> withGenerator.variable("x", 1)).hasMessageStartingWith("JNC-1050");
        assertThatThrownBy(() -> withGenerator.beanVariable("x", "bean")).hasMessageStartingWith("JNC-1050");
        assertThatThrownBy(() -> Script.inline("groovy", "x").variable("x", 1).beanVariable("x", "bean"))
                .hasMessageStartingWith("JNC-1050").hasMessageContaining("bound twice");
    }

    @Test
    void anInlineScriptHasNoRefreshDelay() {
        assertThatThrownBy(() -> Script.inline("groovy", "payload").refreshCheckDelay(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-1051");
    }

    @Test
    void theGroovyEngineCanBeCustomizedWithFunctionsOfADomainLanguage() {
        PollableChannel out = out();
        junction.flow("in").transform(Script.inline("groovy", "shout(payload)")
                .customizer(GroovyScriptEngineImpl.class, engine -> engine.put("shout",
                        new MethodClosure(new Shouter(), "shout")))).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, Message.of("latte"))).isEqualTo("LATTE!");
    }

    public static final class Shouter {
        public String shout(String text) {
            return text.toUpperCase() + "!";
        }
    }

    @Test
    void aCustomizerForAnotherEngineFailsTheStart() {
        junction.flow("in").handle(Script.inline("javascript", "payload")
                .customizer(GroovyScriptEngineImpl.class, engine -> { }));
        assertThatThrownBy(junction::start).isInstanceOfSatisfying(ConfigurationException.class,
                invalid -> assertThat(invalid.getProblems()).singleElement().asString()
                        .contains("JNC-1055", "GroovyScriptEngineImpl"));
    }

    @Test
    void aCustomizerMayTakeAnyEngine() {
        PollableChannel out = out();
        junction.flow("in").handle(Script.inline("javascript", "greeting + payload")
                .customizer(ScriptEngine.class, engine -> engine.put("greeting", "hello "))).channel("out");
        junction.start();

        assertThat(sendAndReceive(out, Message.of("world"))).isEqualTo("hello world");
    }

    @Test
    void aScriptThatDoesNotCompileFailsTheStartWithItsLocationAndLine() {
        junction.flow("in").handle(Script.location("groovy", "classpath:scripts/broken.groovy")).id("pricing");
        junction.flow("other").handle(Script.inline("javascript", "var x = ;\n")).id("other");

        assertThatThrownBy(junction::start).isInstanceOfSatisfying(ConfigurationException.class,
                invalid -> assertThat(invalid.getProblems()).hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).contains("JNC-1054", "pricing",
                                "classpath:scripts/broken.groovy, line 3"))
                        .anySatisfy(problem -> assertThat(problem).contains("JNC-1054", "other",
                                "inline script, line 1")));
    }

    @Test
    void anUnknownLanguageOrLocationFailsTheStart() {
        junction.flow("in").handle(Script.inline("cobol", "payload"));
        junction.flow("other").handle(Script.location("groovy", "classpath:scripts/missing.groovy"));
        junction.flow("third").handle(Script.location("groovy", "/no/such/dir/missing.groovy"));

        assertThatThrownBy(junction::start).isInstanceOfSatisfying(ConfigurationException.class,
                invalid -> assertThat(invalid.getProblems()).hasSize(3)
                        .anySatisfy(problem -> assertThat(problem).contains("JNC-1052", "cobol"))
                        .anySatisfy(problem -> assertThat(problem).contains("JNC-1053", "scripts/missing.groovy"))
                        .anySatisfy(problem -> assertThat(problem).contains("JNC-1053", "/no/such/dir")));
    }

    @Test
    void aScriptFailingAtRunTimeFailsThatMessage() {
        junction.flow("in").handle(Script.inline("groovy", "throw new IllegalStateException('no milk')"))
                .id("barista");
        junction.start();

        assertThatThrownBy(() -> junction.channel("in").send(Message.of("latte")))
                .isInstanceOf(MessageHandlingException.class).hasMessageContaining("barista", "no milk");
    }

    @Test
    void oneScriptServesConcurrentMessages() throws Exception {
        PollableChannel out = out();
        junction.flow("in").handle(Script.inline("groovy", "payload * 2")).channel("out");
        junction.start();
        List<Thread> senders = List.of(1, 2, 3, 4).stream().map(n -> new Thread(() -> {
            junction.channel("in").send(Message.of(n));
        })).toList();
        senders.forEach(Thread::start);
        for (Thread sender : senders) {
            sender.join();
        }
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += (Integer) out.receive(WAIT).getPayload();
        }
        assertThat(sum).isEqualTo(20);
    }
}

package dev.junction.impl.scripting;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.script.Script;
import dev.junction.api.script.ScriptVariableGenerator;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.handler.MessageProcessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * Runs a {@link Script} for each message: binds {@code payload}, {@code headers} and the script's variables (or
 * what its generator computes), evaluates the compiled text, and returns the script's value. Service activators,
 * transformers, filters and routers are built on it as on any other processor.
 *
 * <p>The script compiles when the processor is created, so a broken script fails the flow or the deployment.
 * Each execution has bindings of its own; the engine and its compiled text are shared, so the engine must allow
 * concurrent evaluations with distinct bindings (Groovy's and Rhino's do).
 */
public final class ScriptedProcessor implements MessageProcessor<Object> {

    private final Script script;
    private final String endpoint;
    private final ReloadingText text;
    /** what the engine's customizer bound: seen by every execution, under its own variables */
    private final Map<String, Object> engineScope;
    private final Map<String, Expression> beans;
    private final ScriptVariableGenerator generator;

    private ScriptedProcessor(Script script, String endpoint, ReloadingText text, Map<String, Object> engineScope,
            Map<String, Expression> beans) {
        this.script = script;
        this.endpoint = endpoint;
        this.text = text;
        this.engineScope = engineScope;
        this.beans = beans;
        this.generator = script.variableGenerator();
    }

    /**
     * Creates the engine, customizes it and compiles the script.
     *
     * @param script      the script
     * @param expressions resolves bean variables (the runtime's parser: named beans in a container)
     * @param endpoint    the endpoint's id, for messages
     * @throws IllegalArgumentException ({@code JNC-1052} to {@code JNC-1055}) when the script cannot be used
     */
    public static ScriptedProcessor create(Script script, ExpressionParser expressions, String endpoint) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(expressions, "expressions");
        ClassLoader loader = classLoader();
        ScriptEngine engine = new ScriptEngineManager(loader).getEngineByName(script.language());
        if (engine == null) {
            throw new IllegalArgumentException(ScriptRule.NO_ENGINE.problem("no JSR 223 engine is named '"
                    + script.language() + "' for " + script + "; add the language's engine to the class path"
                    + " (org.apache.groovy:groovy-jsr223 for groovy) or use one of its names"));
        }
        if (script.customizer() != null && !script.customizer().customize(engine)) {
            throw new IllegalArgumentException(ScriptRule.CUSTOMIZER_MISMATCH.problem("the customizer of " + script
                    + " expects a " + script.customizer().engineType().getName() + ", but the engine of '"
                    + script.language() + "' is a " + engine.getClass().getName() + "; customize that type"));
        }
        ScriptText source = script.location() != null ? ScriptText.at(script.location(), loader)
                : ScriptText.inline(script.text());
        // no ScriptEngine.FILENAME: Groovy would name the script's class after it, hiding a variable of that name
        ReloadingText text = new ReloadingText(engine, source, script.refreshCheckDelay());
        Map<String, Object> engineScope = Map.copyOf(withoutNulls(engine.getBindings(ScriptContext.ENGINE_SCOPE)));
        Map<String, Expression> beans = new LinkedHashMap<>();
        script.beanVariables().forEach((name, bean) -> beans.put(name, expressions.parse(bean, "variable '"
                + name + "' of the " + script + " of endpoint '" + endpoint + "'")));
        return new ScriptedProcessor(script, endpoint, text, engineScope, Map.copyOf(beans));
    }

    @Override
    public Object process(Message<?> message) {
        Bindings bindings = new SimpleBindings(new LinkedHashMap<>(engineScope));
        if (generator != null) {
            Map<String, Object> generated = generator.generate(message);
            if (generated != null) {
                bindings.putAll(generated);
            }
        } else {
            bindings.put("payload", message.getPayload());
            bindings.put("headers", message.getHeaders());
            bindings.putAll(script.variables());
            beans.forEach((name, bean) -> bindings.put(name, bean.evaluate(message)));
        }
        CompiledText current;
        try {
            current = text.current();
        } catch (RuntimeException reloadFailed) {
            throw new MessageHandlingException(message, "Endpoint '" + endpoint + "': " + reloadFailed.getMessage(),
                    reloadFailed);
        }
        try {
            return current.evaluate(bindings);
        } catch (ScriptException | RuntimeException failed) {
            throw new MessageHandlingException(message, "Endpoint '" + endpoint + "': the " + script + " failed: "
                    + failed.getMessage(), failed);
        }
    }

    @Override
    public String toString() {
        return "ScriptedProcessor[" + script + "]";
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScriptedProcessor.class.getClassLoader();
    }

    /** Some engines bind entries with {@code null} values, which {@link Map#copyOf} refuses. */
    private static Map<String, Object> withoutNulls(Bindings bindings) {
        Map<String, Object> copy = new LinkedHashMap<>();
        bindings.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}

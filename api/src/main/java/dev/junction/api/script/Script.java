package dev.junction.api.script;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A script in a JSR 223 language (Groovy, JavaScript...) whose engine is on the class path, as the logic of an
 * endpoint: {@code flow.handle(Script.inline("groovy", "payload.toUpperCase()"))}. The script sees the message's
 * {@code payload} and {@code headers}, plus the variables given here, and its value is the endpoint's result: the
 * reply of a service activator, the new payload of a transformer, {@code true} to pass a filter, the channel names
 * of a router.
 *
 * <p>The text is written inline or read from a location: {@code classpath:scripts/price.groovy},
 * {@code file:/etc/app/price.groovy}, or a plain file path. A script from a location is re-read when it changes
 * if {@link #refreshCheckDelay(Duration)} says so; an inline one never changes.
 *
 * <p>Variables are fixed values ({@link #variable(String, Object)}), named beans looked up as expressions resolve
 * them — CDI {@code @Named} beans in a container — ({@link #beanVariable(String, String)}), or, instead of both,
 * computed per message by a {@link ScriptVariableGenerator}.
 *
 * <p>The script compiles when the runtime starts (with the flow, or at deployment under CDI): a script that does
 * not compile fails the start, naming its location and line.
 *
 * <p>Immutable: each method returns a new script.
 */
public final class Script {

    /**
     * The default refresh check delay: a negative delay, so a script from a location is read once, when it
     * compiles, and never reloaded.
     */
    public static final Duration NEVER_RELOAD = Duration.ofMillis(-1);

    private final String language;
    private final String text;
    private final String location;
    private final Map<String, Object> variables;
    private final Map<String, String> beanVariables;
    private final ScriptVariableGenerator generator;
    private final Duration refreshCheckDelay;
    private final EngineCustomizer<?> customizer;

    private Script(String language, String text, String location, Map<String, Object> variables,
            Map<String, String> beanVariables, ScriptVariableGenerator generator, Duration refreshCheckDelay,
            EngineCustomizer<?> customizer) {
        this.language = language;
        this.text = text;
        this.location = location;
        this.variables = variables;
        this.beanVariables = beanVariables;
        this.generator = generator;
        this.refreshCheckDelay = refreshCheckDelay;
        this.customizer = customizer;
    }

    /**
     * A script written in the code.
     *
     * @param language the engine's name or alias ({@code groovy}, {@code js})
     * @param text     the script
     */
    public static Script inline(String language, String text) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        return new Script(language, text, null, Map.of(), Map.of(), null, NEVER_RELOAD, null);
    }

    /**
     * A script read from a location: {@code classpath:path/in/jar.groovy}, {@code file:/abs/path.js}, or a file path.
     *
     * @param language the engine's name or alias ({@code groovy}, {@code js})
     * @param location where the text is
     */
    public static Script location(String language, String location) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(location, "location");
        return new Script(language, null, location, Map.of(), Map.of(), null, NEVER_RELOAD, null);
    }

    /**
     * Binds a variable to a value.
     *
     * @throws IllegalStateException ({@code JNC-1050}) when the script has a variable generator, or the name is
     *         already bound
     */
    public Script variable(String name, Object value) {
        Objects.requireNonNull(name, "name");
        requireUnbound(name);
        Map<String, Object> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new Script(language, text, location, Map.copyOf(more), beanVariables, generator, refreshCheckDelay,
                customizer);
    }

    /** Binds each entry of the map as {@link #variable(String, Object)} does. */
    public Script variables(Map<String, ?> values) {
        Script script = this;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            script = script.variable(entry.getKey(), entry.getValue());
        }
        return script;
    }

    /**
     * Binds a variable to the bean of that name, looked up for every message as expressions resolve names (a CDI
     * {@code @Named} bean in a container, so a scoped bean is the one of the current context).
     *
     * @throws IllegalStateException ({@code JNC-1050}) when the script has a variable generator, or the name is
     *         already bound
     */
    public Script beanVariable(String name, String beanName) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(beanName, "beanName");
        requireUnbound(name);
        Map<String, String> more = new LinkedHashMap<>(beanVariables);
        more.put(name, beanName);
        return new Script(language, text, location, variables, Map.copyOf(more), generator, refreshCheckDelay,
                customizer);
    }

    /**
     * Computes the variables per message instead of {@code payload}, {@code headers} and fixed variables.
     *
     * @throws IllegalStateException ({@code JNC-1050}) when the script already has variables or a generator
     */
    public Script variableGenerator(ScriptVariableGenerator variableGenerator) {
        Objects.requireNonNull(variableGenerator, "variableGenerator");
        if (generator != null || !variables.isEmpty() || !beanVariables.isEmpty()) {
            throw new IllegalStateException("JNC-1050 " + this + ": a variable generator and variables are mutually"
                    + " exclusive, and a script has one generator; give the generator's map every variable instead");
        }
        return new Script(language, text, location, variables, beanVariables, variableGenerator,
                refreshCheckDelay, customizer);
    }

    /**
     * How often a script from a location is checked for changes: negative ({@link #NEVER_RELOAD}, the default)
     * never; zero before every execution; else at most once per delay, an execution later than the delay after a
     * change running the new text.
     *
     * @throws IllegalStateException ({@code JNC-1051}) for an inline script, which never changes
     */
    public Script refreshCheckDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (location == null) {
            throw new IllegalStateException("JNC-1051 " + this + ": an inline script never changes, so it has no"
                    + " refresh check delay; read the script from a location to reload it");
        }
        return new Script(language, text, location, variables, beanVariables, generator, delay, customizer);
    }

    /**
     * Customizes the language's engine once, after it is created and before the script compiles: for example
     * Groovy's engine, to put functions (closures) every execution sees, as a small domain-specific language.
     * Values the customizer puts into the engine's scope are seen by every execution, under the per-message
     * variables.
     *
     * @param engineType the engine class the customizer expects ({@code javax.script.ScriptEngine} or a language's
     *                   own); another engine fails the start with {@code JNC-1055}
     * @param customizer receives the engine
     */
    public <E> Script customizer(Class<E> engineType, Consumer<? super E> customizer) {
        Objects.requireNonNull(engineType, "engineType");
        Objects.requireNonNull(customizer, "customizer");
        return new Script(language, text, location, variables, beanVariables, generator, refreshCheckDelay,
                new EngineCustomizer<>(engineType, customizer));
    }

    /** @return the engine's name or alias */
    public String language() {
        return language;
    }

    /** @return the inline text, or {@code null} for a script from a location */
    public String text() {
        return text;
    }

    /** @return the location, or {@code null} for an inline script */
    public String location() {
        return location;
    }

    /** @return the fixed variables, in the order bound */
    public Map<String, Object> variables() {
        return variables;
    }

    /** @return the bean variables: variable name to bean name */
    public Map<String, String> beanVariables() {
        return beanVariables;
    }

    /** @return the variable generator, or {@code null} */
    public ScriptVariableGenerator variableGenerator() {
        return generator;
    }

    /** @return the refresh check delay; negative: never reloaded */
    public Duration refreshCheckDelay() {
        return refreshCheckDelay;
    }

    /** @return the engine customizer, or {@code null} */
    public EngineCustomizer<?> customizer() {
        return customizer;
    }

    private void requireUnbound(String name) {
        if (generator != null) {
            throw new IllegalStateException("JNC-1050 " + this + ": variable '" + name + "' cannot be bound: the"
                    + " script has a variable generator, and the two are mutually exclusive; let the generator"
                    + " return it");
        }
        if (variables.containsKey(name) || beanVariables.containsKey(name)) {
            throw new IllegalStateException("JNC-1050 " + this + ": variable '" + name + "' is bound twice; bind"
                    + " each name once");
        }
    }

    @Override
    public String toString() {
        return location != null ? "script " + location + " (" + language + ")" : "inline " + language + " script";
    }

    /**
     * An engine customizer with the engine type it expects.
     *
     * @param <E> the engine type
     */
    public static final class EngineCustomizer<E> {
        private final Class<E> engineType;
        private final Consumer<? super E> customizer;

        EngineCustomizer(Class<E> engineType, Consumer<? super E> customizer) {
            this.engineType = engineType;
            this.customizer = customizer;
        }

        /** @return the engine class the customizer expects */
        public Class<E> engineType() {
            return engineType;
        }

        /**
         * Customizes the engine.
         *
         * @return whether the engine had the expected type (and was customized)
         */
        public boolean customize(Object engine) {
            if (!engineType.isInstance(engine)) {
                return false;
            }
            customizer.accept(engineType.cast(engine));
            return true;
        }
    }
}

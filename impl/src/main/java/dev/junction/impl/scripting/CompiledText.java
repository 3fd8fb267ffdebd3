package dev.junction.impl.scripting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/**
 * One version of a script's text, compiled by its engine when the engine can compile ({@link Compilable}), else
 * kept as text and evaluated each time.
 */
final class CompiledText {

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?i)\\bline:?\\s*(\\d+)");

    private final ScriptEngine engine;
    private final javax.script.CompiledScript compiled;
    private final String text;
    final Object version;

    private CompiledText(ScriptEngine engine, javax.script.CompiledScript compiled, String text, Object version) {
        this.engine = engine;
        this.compiled = compiled;
        this.text = text;
        this.version = version;
    }

    /**
     * @throws IllegalArgumentException ({@code JNC-1054}) when the text does not compile, naming where and the line
     */
    static CompiledText compile(ScriptEngine engine, ScriptText source) {
        Object version = source.version(); // before reading: a change while reading is seen by the next check
        String text = source.read();
        if (!(engine instanceof Compilable compilable)) {
            return new CompiledText(engine, null, text, version);
        }
        try {
            return new CompiledText(engine, compilable.compile(text), text, version);
        } catch (ScriptException invalid) {
            throw new IllegalArgumentException(ScriptRule.DOES_NOT_COMPILE.problem(describe(source, invalid)
                    + "; fix the script"), invalid);
        }
    }

    Object evaluate(Bindings bindings) throws ScriptException {
        return compiled != null ? compiled.eval(bindings) : engine.eval(text, bindings);
    }

    private static String describe(ScriptText source, ScriptException invalid) {
        StringBuilder where = new StringBuilder(source.describe());
        if (invalid.getLineNumber() >= 0) {
            where.append(", line ").append(invalid.getLineNumber());
            if (invalid.getColumnNumber() >= 0) {
                where.append(", column ").append(invalid.getColumnNumber());
            }
        } else {
            // some engines (Groovy) report the line only inside their message
            Matcher line = LINE_IN_MESSAGE.matcher(String.valueOf(invalid.getMessage()));
            where.append(line.find() ? ", line " + line.group(1) : ", line unknown to the engine");
        }
        return where + ", does not compile: " + firstLines(invalid.getMessage());
    }

    private static String firstLines(String message) {
        String text = String.valueOf(message).strip();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}

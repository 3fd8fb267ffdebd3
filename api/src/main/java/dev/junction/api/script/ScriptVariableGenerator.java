package dev.junction.api.script;

import dev.junction.api.message.Message;
import java.util.Map;

/**
 * Computes the variables a script sees for one message, instead of the default bindings ({@code payload},
 * {@code headers} and the script's fixed variables). Called once per message, on the thread that runs the script.
 * A script has either a generator or fixed variables, never both.
 */
@FunctionalInterface
public interface ScriptVariableGenerator {

    /**
     * @param message the message the script is about to handle
     * @return the variables to bind, by name; {@code null} binds nothing
     */
    Map<String, Object> generate(Message<?> message);
}

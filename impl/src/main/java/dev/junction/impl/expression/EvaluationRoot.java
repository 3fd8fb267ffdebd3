package dev.junction.impl.expression;

import dev.junction.api.message.Message;
import java.util.Collection;
import java.util.Map;

/**
 * The top-level names an expression sees during one evaluation: {@code payload}, {@code headers} and
 * {@code message} for a message, {@code args} and {@code gatewayMethod} for a gateway call, or any other set.
 *
 * <p>A root is supplied per evaluation, so one parsed {@link Expression} serves every message. A name the root
 * does not define falls through to the host's extra resolver (CDI {@code @Named} beans) and then to class names
 * such as {@code Math}; when nothing resolves it the evaluation fails naming it.
 */
public interface EvaluationRoot {

    /** @return whether this root defines the name (its value may still be {@code null}) */
    boolean defines(String name);

    /** @return the value of a name this root {@linkplain #defines(String) defines} */
    Object get(String name);

    /** @return the names this root defines, for error messages */
    Collection<String> names();

    /** @return a root exposing {@code payload}, {@code headers} and {@code message} */
    static EvaluationRoot of(Message<?> message) {
        return new MessageRoot(message);
    }

    /** @return a root exposing each entry of the map as a name (the map is read, not copied) */
    static EvaluationRoot of(Map<String, ?> variables) {
        return new MapRoot(variables);
    }
}

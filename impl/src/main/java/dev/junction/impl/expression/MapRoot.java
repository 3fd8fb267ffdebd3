package dev.junction.impl.expression;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** A root over a caller's map of variables. */
record MapRoot(Map<String, ?> variables) implements EvaluationRoot {

    MapRoot {
        Objects.requireNonNull(variables, "variables");
    }

    @Override
    public boolean defines(String name) {
        return variables.containsKey(name);
    }

    @Override
    public Object get(String name) {
        return variables.get(name);
    }

    @Override
    public Collection<String> names() {
        return variables.keySet();
    }
}

package dev.junction.impl.expression;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotFoundException;

/**
 * Last in the chain: a top-level name nobody resolved is an error that says which names exist. EL then still
 * tries the name as a class ({@code Math.sqrt(payload)}), since it catches this exception for that purpose.
 */
final class UnknownNameResolver extends ELResolver {

    private final boolean beansConsulted;

    UnknownNameResolver(boolean beansConsulted) {
        this.beansConsulted = beansConsulted;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name) {
            Object root = context.getContext(EvaluationRoot.class);
            String known = root instanceof EvaluationRoot evaluationRoot ? String.valueOf(evaluationRoot.names()) : "[]";
            throw new PropertyNotFoundException("Unknown name '" + name + "': not one of the variables " + known
                    + (beansConsulted ? ", nor a named bean" : " (no named beans are available here)"));
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolves a property it could write
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}

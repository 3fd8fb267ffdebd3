package dev.junction.impl.expression;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

/**
 * Resolves top-level identifiers from the {@link EvaluationRoot} of the evaluation in progress. The resolver
 * itself is stateless and shared: the root travels in the {@link ELContext} (see {@link RootELContext}), which
 * is what lets one parsed expression be evaluated against many messages at once.
 */
final class RootVariableResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        EvaluationRoot root = rootFor(context, base, property);
        if (root == null) {
            return null;
        }
        context.setPropertyResolved(null, property);
        return root.get((String) property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (rootFor(context, base, property) != null) {
            context.setPropertyResolved(null, property);
        }
        return null; // read-only: EL 5 asks for null
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (rootFor(context, base, property) != null) {
            throw new PropertyNotWritableException("Expression variable '" + property + "' is read-only");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (rootFor(context, base, property) != null) {
            context.setPropertyResolved(null, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? String.class : null;
    }

    /** @return the root when the property is a top-level name it defines, else {@code null} */
    private static EvaluationRoot rootFor(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String name)) {
            return null;
        }
        Object root = context.getContext(EvaluationRoot.class);
        return root instanceof EvaluationRoot evaluationRoot && evaluationRoot.defines(name) ? evaluationRoot : null;
    }
}

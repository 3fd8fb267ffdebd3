package dev.junction.impl.expression;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;

/**
 * The context of one evaluation: carries its {@link EvaluationRoot} to the shared resolvers. Created per
 * evaluation (two small allocations) rather than pooled, so nested or concurrent evaluations never share state.
 *
 * <p>No {@link VariableMapper}: EL binds mapped variables when an expression is parsed, while our values change
 * with every message. No {@link FunctionMapper}: functions are not offered.
 */
final class RootELContext extends ELContext {

    private final ELResolver resolver;
    private final ExpressionFactory factory;
    private final EvaluationRoot root;

    RootELContext(ELResolver resolver, ExpressionFactory factory, EvaluationRoot root) {
        this.resolver = resolver;
        this.factory = factory;
        this.root = root;
    }

    @Override
    public Object getContext(Class<?> key) {
        // answered from fields: cheaper than the inherited map, and coercion then uses our factory, not a lookup
        if (key == EvaluationRoot.class) {
            return root;
        }
        if (key == ExpressionFactory.class) {
            return factory;
        }
        return super.getContext(key);
    }

    @Override
    public <T> T convertToType(Object value, Class<T> targetType) {
        if (targetType == Object.class || (value != null && targetType.isInstance(value))) {
            @SuppressWarnings("unchecked")
            T same = (T) value;
            return same;
        }
        return super.convertToType(value, targetType);
    }

    @Override
    public ELResolver getELResolver() {
        return resolver;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
        return null;
    }

    @Override
    public VariableMapper getVariableMapper() {
        return null;
    }
}

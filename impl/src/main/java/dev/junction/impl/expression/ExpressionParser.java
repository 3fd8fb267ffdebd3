package dev.junction.impl.expression;

import jakarta.el.ArrayELResolver;
import jakarta.el.BeanELResolver;
import jakarta.el.CompositeELResolver;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.StaticFieldELResolver;
import jakarta.el.ValueExpression;
import java.util.Objects;
import org.glassfish.expressly.ExpressionFactoryImpl;

/**
 * Parses Jakarta Expression Language texts once into reusable {@link Expression}s. Users write the bare
 * expression ({@code payload * 2}, {@code headers['delay']}, {@code payload.user.name}); it is evaluated as
 * {@code ${payload * 2}}. A text that is already delimited ({@code ${...}} or {@code #{...}}) is taken as written.
 *
 * <p>Names resolve in this order: the variables of the evaluation ({@link EvaluationRoot}); the host's extra
 * resolver, if any (in a CDI container {@code BeanManager.getELResolver()}, so {@code @Named} beans resolve);
 * then properties of maps, lists, arrays and beans (all read-only) and static members of classes
 * ({@code Integer.MAX_VALUE}). A variable hides a bean of the same name.
 *
 * <p>The EL implementation is Expressly, instantiated directly rather than through
 * {@link ExpressionFactory#newInstance()}: that lookup depends on the thread context class loader, could pick up
 * another implementation in a container, and costs a service lookup, while Expressly is what WildFly and Payara
 * ship, so SE and containers parse and coerce alike. A host that must wrap the factory (CDI's
 * {@code BeanManager.wrapExpressionFactory}, which releases {@code @Dependent} beans after an evaluation) passes
 * its own.
 *
 * <p>Thread-safe; one parser is meant to serve a whole application.
 */
public final class ExpressionParser {

    private static final ExpressionFactory EXPRESSLY = new ExpressionFactoryImpl();
    private static final ExpressionParser STANDARD = new ExpressionParser();

    private final ExpressionFactory factory;
    private final ELResolver resolver;

    /** A parser without named beans: only the variables of each evaluation are in scope. */
    public ExpressionParser() {
        this(EXPRESSLY, null);
    }

    /**
     * @param extraResolver resolves top-level names the variables do not define (named beans), or {@code null}
     */
    public ExpressionParser(ELResolver extraResolver) {
        this(EXPRESSLY, extraResolver);
    }

    /**
     * @param factory the EL factory to parse and coerce with
     * @param extraResolver resolves top-level names the variables do not define (named beans), or {@code null}
     */
    public ExpressionParser(ExpressionFactory factory, ELResolver extraResolver) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.resolver = resolverChain(factory, extraResolver);
    }

    /** @return a shared parser without named beans */
    public static ExpressionParser standard() {
        return STANDARD;
    }

    /**
     * @return the shared Expressly factory parsers use by default; a CDI host wraps it with
     *         {@code BeanManager.wrapExpressionFactory} and passes the result to
     *         {@link #ExpressionParser(ExpressionFactory, ELResolver)}
     */
    public static ExpressionFactory defaultFactory() {
        return EXPRESSLY;
    }

    private static ELResolver resolverChain(ExpressionFactory factory, ELResolver extraResolver) {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new RootVariableResolver());
        if (extraResolver != null) {
            // before the bean resolver: a host resolver may also own non-null bases (CDI's name spaces)
            chain.add(extraResolver);
        }
        ELResolver streams = factory.getStreamELResolver();
        if (streams != null) {
            chain.add(streams);
        }
        chain.add(new StaticFieldELResolver());
        chain.add(new MapELResolver(true));
        chain.add(new ListELResolver(true));
        chain.add(new ArrayELResolver(true));
        chain.add(new RecordELResolver());
        chain.add(new BeanELResolver(true));
        chain.add(new UnknownNameResolver(extraResolver != null));
        return chain;
    }

    /**
     * Parses an expression.
     *
     * @param expressionText the bare expression, e.g. {@code payload > 10}
     * @return the parsed expression, reusable from any number of threads
     * @throws ExpressionParseException when the text is empty or not valid EL; the message names the text and
     *         the parser's complaint
     */
    public Expression parse(String expressionText) {
        Objects.requireNonNull(expressionText, "expressionText");
        String trimmed = expressionText.strip();
        if (trimmed.isEmpty()) {
            throw new ExpressionParseException(expressionText, "JNC-0320 An expression must not be empty", null);
        }
        String delimited = isDelimited(trimmed) ? trimmed : "${" + trimmed + "}";
        ValueExpression parsed;
        try {
            parsed = factory.createValueExpression(new RootELContext(resolver, factory, null), delimited, Object.class);
        } catch (ELException invalid) {
            throw new ExpressionParseException(expressionText, "JNC-0321 Invalid expression '" + expressionText + "': "
                    + complaint(invalid) + " (parsed as " + delimited + ")", invalid);
        }
        return new Expression(expressionText, parsed, resolver, factory, null);
    }

    /**
     * Parses an expression whose evaluation failures name where it is used.
     *
     * @param expressionText the bare expression
     * @param place          where the expression is used: see {@link Expression#usedIn(String)}
     * @return the parsed expression
     * @throws ExpressionParseException when the text is empty or not valid EL
     */
    public Expression parse(String expressionText, String place) {
        return parse(expressionText).usedIn(place);
    }

    /** Expressly says only "Error Parsing"; the parser's own first line says where and what. */
    private static String complaint(ELException invalid) {
        Throwable cause = invalid.getCause() != null && invalid.getCause().getMessage() != null ? invalid.getCause() : invalid;
        String text = String.valueOf(cause.getMessage()).strip();
        int lineEnd = text.indexOf('\n');
        return lineEnd < 0 ? text : text.substring(0, lineEnd).strip();
    }

    private static boolean isDelimited(String text) {
        return (text.startsWith("${") || text.startsWith("#{")) && text.endsWith("}");
    }

    @Override
    public String toString() {
        return "ExpressionParser[" + factory.getClass().getName() + "]";
    }
}

package dev.junction.impl.gateway;

import dev.junction.api.annotation.GatewayHeader;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.expression.ExpressionParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A configured header as written ({@link GatewayHeader} or the factory's builder), before it is checked and
 * compiled into a {@link HeaderContribution}. An empty string means "not given", as in the annotation; the
 * builder may give values of any type.
 */
record HeaderSpec(String name, Object value, String expression) {

    static HeaderSpec of(GatewayHeader header) {
        return new HeaderSpec(header.name(), header.value(), header.expression());
    }

    static List<HeaderSpec> of(GatewayHeader[] headers) {
        List<HeaderSpec> specs = new ArrayList<>(headers.length);
        for (GatewayHeader header : headers) {
            specs.add(of(header));
        }
        return specs;
    }

    /**
     * Checks the headers of one level (the gateway's defaults, or one method) and compiles the valid ones.
     *
     * @param where how problems name the level
     */
    static List<HeaderContribution> compile(List<HeaderSpec> specs, String where, ExpressionParser parser,
            Problems problems) {
        List<HeaderContribution> compiled = new ArrayList<>(specs.size());
        Set<String> seen = new HashSet<>();
        for (HeaderSpec spec : specs) {
            HeaderContribution contribution = spec.compile(where, parser, problems);
            if (contribution == null) {
                continue;
            }
            if (!seen.add(spec.name)) {
                problems.add(where, GatewayRule.DUPLICATE_HEADER, "the header '" + spec.name
                        + "' is defined twice; keep one definition");
                continue;
            }
            compiled.add(contribution);
        }
        return compiled;
    }

    private HeaderContribution compile(String where, ExpressionParser parser, Problems problems) {
        if (name == null || name.isBlank()) {
            problems.add(where, GatewayRule.INVALID_GATEWAY_HEADER, "a header has no name");
            return null;
        }
        if (isReserved(name)) {
            problems.add(where, GatewayRule.RESERVED_HEADER, "the header '" + name + "' is assigned by every message"
                    + " and cannot be configured");
            return null;
        }
        boolean hasValue = value != null && !"".equals(value);
        boolean hasExpression = expression != null && !expression.isEmpty();
        if (hasValue == hasExpression) {
            problems.add(where, GatewayRule.INVALID_GATEWAY_HEADER, "the header '" + name + "' has "
                    + (hasValue ? "both a value and an expression" : "neither a value nor an expression")
                    + "; give exactly one");
            return null;
        }
        if (hasValue) {
            return new HeaderContribution.Fixed(name, value);
        }
        Expression parsed = parse(parser, expression, where, "the expression of header '" + name + "'", problems);
        return parsed == null ? null : new HeaderContribution.Computed(name, parsed);
    }

    /** @return whether the name is one every message assigns itself */
    static boolean isReserved(String name) {
        return MessageHeaders.ID.equals(name) || MessageHeaders.TIMESTAMP.equals(name);
    }

    /** Parses an expression, reporting an invalid one instead of throwing; its failures name what and where it is. */
    static Expression parse(ExpressionParser parser, String text, String where, String what, Problems problems) {
        try {
            return parser.parse(text, what + " of " + where);
        } catch (ExpressionParseException invalid) {
            problems.add(where, GatewayRule.INVALID_EXPRESSION, what + " is not valid: " + invalid.getMessage());
            return null;
        }
    }
}

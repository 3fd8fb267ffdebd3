package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.support.ChannelResolver;
import java.util.Objects;

/**
 * What an advice learns about the endpoint it is bound to: its id, the runtime's channels and its expression parser
 * (named beans included), so that expressions are parsed and channels resolved once, when the endpoint is built.
 *
 * @param endpointId the advised endpoint
 * @param channels   resolves the channels advices name
 * @param parser     parses the expressions advices carry
 */
public record AdviceContext(String endpointId, ChannelResolver channels, ExpressionParser parser)
        implements HandlerAdvice.Target {

    public AdviceContext {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(parser, "parser");
    }

    /**
     * @return the context of the endpoint an advice of the runtime's own is bound to
     * @throws IllegalStateException when the target is not one of the runtime's endpoints
     */
    static AdviceContext of(HandlerAdvice.Target target, HandlerAdvice advice) {
        if (target instanceof AdviceContext context) {
            return context;
        }
        throw new IllegalStateException(advice + " advises the endpoints of a Junction runtime; give it to an"
                + " endpoint's advice chain, not to " + target);
    }

    /**
     * @param role what the channel is for ("recovery channel"), for the error
     * @throws IllegalStateException JNC-1010 when no channel has the name
     */
    MessageChannel channel(String name, String advice, String role) {
        try {
            return channels.resolve(name);
        } catch (RuntimeException unknown) {
            throw new IllegalStateException("JNC-1010 The " + advice + " of endpoint '" + endpointId + "' names the "
                    + role + " '" + name + "', which is not declared; declare the channel or correct the name",
                    unknown);
        }
    }

    /**
     * @param role what the expression is for ("success expression"), for the error
     * @throws IllegalStateException JNC-1009 when the text is not a valid expression
     */
    Expression expression(String text, String advice, String role) {
        try {
            return parser.parse(text, "the " + role + " of the " + advice + " of endpoint '" + endpointId + "'");
        } catch (ExpressionParseException invalid) {
            throw new IllegalStateException("JNC-1009 The " + role + " of the " + advice + " of endpoint '"
                    + endpointId + "' is not a valid expression: " + invalid.getMessage(), invalid);
        }
    }
}

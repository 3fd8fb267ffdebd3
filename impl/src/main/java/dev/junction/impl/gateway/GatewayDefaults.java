package dev.junction.impl.gateway;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway-wide settings every method falls back to: the {@link MessagingGateway} annotation, with what the
 * factory's builder sets winning over it.
 *
 * @param requestTimeout {@code null} for unbounded
 * @param replyTimeout {@code null} for unbounded
 * @param headers the default headers, each a {@link HeaderContribution.Fixed} or {@link HeaderContribution.Computed}
 * @param payloadExpression the default payload expression, or {@code null}
 * @param channelsUnresolved whether a default channel name did not resolve (reported already; methods that
 *        would fall back to it do not report its absence again)
 */
record GatewayDefaults(String name, MessageChannel requestChannel, MessageChannel replyChannel,
                       MessageChannel errorChannel, Duration requestTimeout, Duration replyTimeout,
                       List<HeaderContribution> headers, Expression payloadExpression, boolean channelsUnresolved) {

    static final String WHERE = "the gateway's defaults";

    static GatewayDefaults resolve(Class<?> serviceInterface, GatewayProxyFactory.Builder<?> builder,
            ChannelNames channels, ExpressionParser parser, Problems problems) {
        MessagingGateway annotation = serviceInterface.getAnnotation(MessagingGateway.class);
        int problemsBefore = problems.count();
        String name = firstNonEmpty(builder.name, annotation == null ? "" : annotation.name(),
                serviceInterface.getSimpleName());
        MessageChannel requestChannel = channel(builder.requestChannel, builder.requestChannelName,
                annotation == null ? "" : annotation.defaultRequestChannel(), "default request channel", channels, problems);
        MessageChannel replyChannel = channel(builder.replyChannel, builder.replyChannelName,
                annotation == null ? "" : annotation.defaultReplyChannel(), "default reply channel", channels, problems);
        MessageChannel errorChannel = channel(builder.errorChannel, builder.errorChannelName,
                annotation == null ? "" : annotation.errorChannel(), "error channel", channels, problems);
        boolean channelsUnresolved = problems.count() > problemsBefore;
        Duration requestTimeout = builder.requestTimeoutSet ? builder.requestTimeout : GatewayTimeouts.resolve(
                annotation == null ? Gateway.NOT_SET : annotation.defaultRequestTimeout(), null, WHERE,
                "defaultRequestTimeout", problems);
        Duration replyTimeout = builder.replyTimeoutSet ? builder.replyTimeout : GatewayTimeouts.resolve(
                annotation == null ? Gateway.NOT_SET : annotation.defaultReplyTimeout(), null, WHERE,
                "defaultReplyTimeout", problems);
        List<HeaderContribution> headers = HeaderSpec.compile(headerSpecs(annotation, builder.headers), WHERE, parser,
                problems);
        String payloadText = firstNonEmpty(builder.payloadExpression,
                annotation == null ? "" : annotation.defaultPayloadExpression(), "");
        Expression payloadExpression = payloadText.isEmpty() ? null
                : HeaderSpec.parse(parser, payloadText, WHERE, "the default payload expression", problems);
        return new GatewayDefaults(name, requestChannel, replyChannel, errorChannel, requestTimeout, replyTimeout,
                headers, payloadExpression, channelsUnresolved);
    }

    /**
     * @return the default headers a method keeps (those it does not define itself), each computed one naming the
     *         method in its failures: the defaults are shared, the caller of a method wants to know which failed
     */
    List<HeaderContribution> headersFor(Method method, Set<String> methodHeaderNames) {
        return headers.stream()
                .filter(header -> !methodHeaderNames.contains(header.name()))
                .map(header -> header instanceof HeaderContribution.Computed computed
                        ? new HeaderContribution.Computed(computed.name(), computed.expression().usedIn("the expression"
                                + " of default header '" + computed.name() + "' of " + Methods.label(method)))
                        : header)
                .collect(Collectors.toList());
    }

    /** @return the default payload expression, naming the method in its failures, or {@code null} for none */
    Expression payloadExpressionFor(Method method) {
        return payloadExpression == null ? null
                : payloadExpression.usedIn("the default payload expression of " + Methods.label(method));
    }

    /** The annotation's headers, except those the builder redefines, then the builder's. */
    private static List<HeaderSpec> headerSpecs(MessagingGateway annotation, List<HeaderSpec> fromBuilder) {
        List<HeaderSpec> specs = new ArrayList<>();
        if (annotation != null) {
            Set<String> redefined = fromBuilder.stream().map(HeaderSpec::name).collect(Collectors.toSet());
            HeaderSpec.of(annotation.defaultHeaders()).stream()
                    .filter(spec -> !redefined.contains(spec.name()))
                    .forEach(specs::add);
        }
        specs.addAll(fromBuilder);
        return specs;
    }

    private static MessageChannel channel(MessageChannel given, String givenName, String annotated, String role,
            ChannelNames channels, Problems problems) {
        if (given != null) {
            return given;
        }
        String name = firstNonEmpty(givenName, annotated, "");
        return name.isEmpty() ? null : channels.resolve(name, WHERE, role, problems);
    }

    private static String firstNonEmpty(String first, String second, String fallback) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : fallback;
    }
}

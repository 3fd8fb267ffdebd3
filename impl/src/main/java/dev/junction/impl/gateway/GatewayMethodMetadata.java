package dev.junction.impl.gateway;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.gateway.MethodArgsMessageMapper;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything about one gateway method that does not change between calls, read and checked once when the
 * gateway is created: how arguments become the request, which channels and timeouts apply, what kind of
 * exchange the method is and what it returns. {@link #inspect} reports every problem it finds instead of
 * stopping at the first, so that a gateway's problems are listed together.
 *
 * <p>Precedence: a method's {@link Gateway @Gateway} settings win over the gateway's defaults. Request headers
 * are applied from the lowest to the highest precedence: default headers, then header maps, then
 * {@code @Header} arguments, then the method's own headers; a default header a method redefines is dropped.
 *
 * @param requestChannel {@code null} for a method that only receives
 * @param replyChannel the explicit reply channel, or {@code null}
 * @param requestTimeout {@code null} for unbounded
 * @param replyTimeout {@code null} for unbounded
 * @param mapper {@code null} for a method that only receives
 */
record GatewayMethodMetadata(Method method, String label, Kind kind, RequestMapper mapper, ReplyShape shape,
                             MessageChannel requestChannel, MessageChannel replyChannel,
                             Duration requestTimeout, Duration replyTimeout) {

    /** The exchange a call performs. */
    enum Kind {
        /** Sends the request and returns: {@code void} methods, and futures of {@code Void}. */
        SEND_ONLY,
        /** Sends the request and waits for the reply. */
        SEND_AND_RECEIVE,
        /** Sends nothing and receives from the pollable reply channel: methods without parameters or payload. */
        RECEIVE_ONLY
    }

    /** What inspecting a method needs to know about its gateway. */
    record Context(GatewayDefaults defaults, ChannelNames channels, ExpressionParser parser,
                   MethodArgsMessageMapper customMapper, boolean executorAvailable) {
    }

    /**
     * Reads and checks one method.
     *
     * @return the metadata, or {@code null} when the method has problems (they are in {@code problems})
     */
    static GatewayMethodMetadata inspect(Method method, Context context, Problems problems) {
        int problemsBefore = problems.count();
        String label = Methods.label(method);
        Gateway gateway = method.getAnnotation(Gateway.class);
        GatewayDefaults defaults = context.defaults();
        Duration requestTimeout = GatewayTimeouts.resolve(gateway == null ? Gateway.NOT_SET : gateway.requestTimeout(),
                defaults.requestTimeout(), label, "@Gateway(requestTimeout)", problems);
        Duration replyTimeout = GatewayTimeouts.resolve(gateway == null ? Gateway.NOT_SET : gateway.replyTimeout(),
                defaults.replyTimeout(), label, "@Gateway(replyTimeout)", problems);
        ReplyShape shape = ReplyShape.of(method, context.executorAvailable());
        int problemsBeforeMapping = problems.count();
        RequestMapper mapper = context.customMapper() != null
                ? customMapper(method, gateway, context.customMapper(), problems)
                : conventionalMapper(method, gateway, context, problems);
        if (mapper == null && problems.count() > problemsBeforeMapping) {
            return null; // what the method would do depends on the payload it failed to define
        }
        Kind kind = kind(method, mapper, shape, problems);
        if (kind == null) {
            return null;
        }
        MessageChannel requestChannel = kind == Kind.RECEIVE_ONLY ? null : requestChannel(method, gateway, context, problems);
        MessageChannel replyChannel = replyChannel(method, gateway, kind, context, problems);
        if (problems.count() > problemsBefore) {
            return null;
        }
        return new GatewayMethodMetadata(method, label, kind, mapper, shape, requestChannel, replyChannel,
                requestTimeout, replyTimeout);
    }

    private static RequestMapper customMapper(Method method, Gateway gateway, MethodArgsMessageMapper mapper,
            Problems problems) {
        List<String> conflicts = new ArrayList<>();
        if (method.isAnnotationPresent(Payload.class)) {
            conflicts.add("@Payload on the method");
        }
        if (gateway != null && !gateway.payloadExpression().isEmpty()) {
            conflicts.add("@Gateway(payloadExpression)");
        }
        if (gateway != null && gateway.headers().length > 0) {
            conflicts.add("@Gateway(headers)");
        }
        if (!conflicts.isEmpty()) {
            problems.add(method, GatewayRule.MAPPER_CONFLICT, "the gateway maps arguments with " + mapper
                    + ", which builds the whole request, yet the method also has " + String.join(" and ", conflicts)
                    + "; remove them or the mapper");
        }
        return new RequestMapper.Custom(mapper, method);
    }

    private static RequestMapper conventionalMapper(Method method, Gateway gateway, Context context,
            Problems problems) {
        ExpressionParser parser = context.parser();
        Expression methodExpression = methodPayloadExpression(method, gateway, parser, problems);
        Expression expression = methodExpression != null ? methodExpression
                : context.defaults().payloadExpressionFor(method);
        PayloadSource expressionPayload = expression == null ? null
                : new PayloadSource.MethodExpression(expression, method, Methods.label(method));
        int problemsBefore = problems.count();
        ArgumentRoles.Roles roles = ArgumentRoles.analyze(method, expressionPayload, methodExpression != null,
                parser, problems);
        List<HeaderContribution> methodHeaders = gateway == null ? List.of()
                : HeaderSpec.compile(HeaderSpec.of(gateway.headers()), Methods.label(method), parser, problems);
        if (roles.payload() == null) {
            // a payload the signature failed to define has been reported already
            if (method.getParameterCount() > 0 && problems.count() == problemsBefore) {
                problems.add(method, GatewayRule.NO_PAYLOAD, "no parameter can be the payload (they are all headers)"
                        + " and there is no payload expression; add a payload parameter or a payload expression");
            }
            return null;
        }
        Set<String> redefined = methodHeaders.stream().map(HeaderContribution::name).collect(Collectors.toSet());
        List<HeaderContribution> headers = new ArrayList<>(context.defaults().headersFor(method, redefined));
        headers.addAll(roles.mapHeaders());
        headers.addAll(roles.argumentHeaders());
        headers.addAll(methodHeaders);
        return new RequestMapper.Conventional(method, roles.payload(), headers);
    }

    private static Expression methodPayloadExpression(Method method, Gateway gateway, ExpressionParser parser,
            Problems problems) {
        Payload onMethod = method.getAnnotation(Payload.class);
        String fromGateway = gateway == null ? "" : gateway.payloadExpression();
        if (onMethod != null && onMethod.value().isEmpty()) {
            problems.add(method, GatewayRule.PAYLOAD_DEFINED_TWICE, "@Payload on a method needs an expression that"
                    + " computes the payload, e.g. @Payload(\"args[0].id\"); to mark a parameter, annotate it instead");
            return null;
        }
        if (onMethod != null && !fromGateway.isEmpty()) {
            problems.add(method, GatewayRule.PAYLOAD_DEFINED_TWICE, "the method has both @Payload(\"" + onMethod.value()
                    + "\") and @Gateway(payloadExpression = \"" + fromGateway + "\"); keep one");
            return null;
        }
        String text = onMethod != null ? onMethod.value() : fromGateway;
        return text.isEmpty() ? null
                : HeaderSpec.parse(parser, text, Methods.label(method), "the payload expression", problems);
    }

    /** @return the kind, or {@code null} after reporting that the method can do nothing */
    private static Kind kind(Method method, RequestMapper mapper, ReplyShape shape, Problems problems) {
        if (mapper != null) {
            return shape.noValue() ? Kind.SEND_ONLY : Kind.SEND_AND_RECEIVE;
        }
        if (shape.noValue()) {
            problems.add(method, GatewayRule.NOTHING_TO_SEND_OR_RECEIVE, "the method has no parameters, no payload"
                    + " expression and returns nothing, so it can neither send nor receive; give it a payload"
                    + " expression (@Payload(\"...\") on the method) to make it send");
            return null;
        }
        return Kind.RECEIVE_ONLY;
    }

    private static MessageChannel requestChannel(Method method, Gateway gateway, Context context, Problems problems) {
        String name = gateway == null ? "" : gateway.requestChannel();
        if (!name.isEmpty()) {
            return context.channels().resolve(name, Methods.label(method), "request channel", problems);
        }
        MessageChannel channel = context.defaults().requestChannel();
        if (channel == null && !context.defaults().channelsUnresolved()) {
            problems.add(method, GatewayRule.NO_REQUEST_CHANNEL, "the method sends but has no request channel;"
                    + " set @Gateway(requestChannel) or the gateway's defaultRequestChannel");
        }
        return channel;
    }

    private static MessageChannel replyChannel(Method method, Gateway gateway, Kind kind, Context context,
            Problems problems) {
        String name = gateway == null ? "" : gateway.replyChannel();
        MessageChannel channel = name.isEmpty() ? context.defaults().replyChannel()
                : context.channels().resolve(name, Methods.label(method), "reply channel", problems);
        if (channel == null && context.defaults().channelsUnresolved()) {
            return null; // the default reply channel's name did not resolve: reported already
        }
        if (kind == Kind.RECEIVE_ONLY && !(channel instanceof PollableChannel)) {
            problems.add(method, GatewayRule.RECEIVE_NEEDS_POLLABLE_CHANNEL, "the method has no parameters and no"
                    + " payload expression, so it receives from its reply channel, but "
                    + (channel == null ? "it has none" : "'" + channel.getName() + "' is not pollable")
                    + "; set a pollable reply channel, or a payload expression to make it send");
        }
        if (kind == Kind.SEND_AND_RECEIVE && channel != null && !(channel instanceof SubscribableChannel)) {
            problems.add(method, GatewayRule.REPLY_CHANNEL_NOT_SUBSCRIBABLE, "the method waits for its reply on a"
                    + " temporary channel, bridged from the reply channel '" + channel.getName() + "', which is not"
                    + " subscribable (a pollable reply channel is supported only for methods that receive without"
                    + " sending); use a publish-subscribe or direct channel, or no reply channel");
        }
        return channel;
    }
}

package dev.junction.impl.gateway;

import dev.junction.api.gateway.MethodArgsMessageMapper;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Turns the arguments of one call into the request, as a builder so that the gateway can still add the
 * headers it needs to receive the reply before the message is built.
 */
interface RequestMapper {

    /**
     * @param args the call's arguments, an empty array for none
     * @throws IllegalArgumentException when the arguments cannot make a message (a {@code null} payload, ...)
     */
    MessageBuilder<?> toRequest(Object[] args);

    /** Maps by the conventions and annotations: a payload source and header contributions fixed per method. */
    final class Conventional implements RequestMapper {
        private final Method method;
        private final PayloadSource payload;
        private final HeaderContribution[] headers;
        private final boolean headersNeedRoot;

        Conventional(Method method, PayloadSource payload, List<HeaderContribution> headers) {
            this.method = method;
            this.payload = payload;
            this.headers = headers.toArray(HeaderContribution[]::new);
            this.headersNeedRoot = headers.stream().anyMatch(HeaderContribution::needsRoot);
        }

        @Override
        public MessageBuilder<?> toRequest(Object[] args) {
            Object value = payload.payload(args);
            MessageBuilder<?> request = MessageBuilder.withPayload(value);
            // the variables are built only for methods that have header expressions
            GatewayCallRoot root = headersNeedRoot ? GatewayCallRoot.forHeaders(args, method, value) : null;
            for (HeaderContribution header : headers) {
                header.apply(request, args, root);
            }
            return request;
        }
    }

    /** Delegates to the application's {@link MethodArgsMessageMapper}. */
    final class Custom implements RequestMapper {
        private final MethodArgsMessageMapper mapper;
        private final Method method;

        Custom(MethodArgsMessageMapper mapper, Method method) {
            this.mapper = mapper;
            this.method = method;
        }

        @Override
        public MessageBuilder<?> toRequest(Object[] args) {
            Message<?> message = mapper.toMessage(method, args);
            if (message == null) {
                throw new IllegalStateException("The argument mapper " + mapper + " returned null for "
                        + Methods.label(method) + "; it must return the request message");
            }
            return MessageBuilder.fromMessage(message);
        }
    }
}

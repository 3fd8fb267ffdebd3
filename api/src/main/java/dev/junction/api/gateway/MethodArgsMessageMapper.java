package dev.junction.api.gateway;

import dev.junction.api.message.Message;
import java.lang.reflect.Method;

/**
 * Takes over, for a whole gateway, the mapping of a method call to the request message, for when the
 * conventions ({@link dev.junction.api.annotation.Payload @Payload},
 * {@link dev.junction.api.annotation.Header @Header}, the first argument as the payload, ...) do not fit.
 *
 * <p>A gateway with a mapper must not also define payloads or headers itself: no default payload expression
 * or default headers on {@link dev.junction.api.annotation.MessagingGateway}, no payload expression or headers
 * on {@link dev.junction.api.annotation.Gateway}, no {@code @Payload} on a method; the gateway reports such a
 * combination when it is created. Annotations on parameters are left to the mapper to interpret.
 *
 * <p>With a mapper every method sends what the mapper builds, methods without parameters included (they do not
 * receive from a pollable reply channel as they would by convention). The gateway still adds the headers it
 * needs to receive the reply ({@code replyChannel},
 * {@code errorChannel}). Implementations must be thread-safe: one mapper serves every call.
 */
@FunctionalInterface
public interface MethodArgsMessageMapper {

    /**
     * @param gatewayMethod the interface method that was called
     * @param args the arguments of the call (an empty array for a method without parameters), not to be modified
     * @return the request message, never {@code null}
     */
    Message<?> toMessage(Method gatewayMethod, Object[] args);
}

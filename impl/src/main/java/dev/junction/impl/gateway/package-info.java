/**
 * Messaging gateways: {@link dev.junction.impl.gateway.GatewayProxyFactory} implements an application interface
 * with a {@link java.lang.reflect.Proxy} whose calls become request messages and whose return values are the
 * replies. Usable from plain Java; a CDI host creates the same proxies for injection.
 *
 * <h2>Creating a gateway</h2>
 * Every method is read once, when the gateway is created ({@code GatewayMethodMetadata}): argument roles,
 * channels, timeouts, return type, and the header and payload expressions, which are parsed there. Every
 * problem found is reported together in one {@link dev.junction.impl.gateway.InvalidGatewayException}, each line
 * with a stable code ({@code JNC-0400}..{@code JNC-0423}), the method and the rule. A call reads no annotation.
 * A call refused because the gateway's application is stopping fails with {@code JNC-0424}.
 *
 * <h2>Arguments to message</h2>
 * The payload is, in this order: a parameter annotated {@code @Payload}; the method's payload expression
 * ({@code @Payload("...")} on the method or {@code @Gateway(payloadExpression)}); the gateway's default payload
 * expression; the first unannotated parameter that is not a {@code Map}, or else a lone unannotated {@code Map}.
 * A {@code Map} that is not the payload supplies headers. Headers are applied from the lowest precedence to the
 * highest: default headers, header maps, {@code @Header} arguments, the method's own headers; a {@code null}
 * value never erases a header. Expressions are Jakarta EL with the variables {@code args}, {@code gatewayMethod},
 * {@code arg} (a parameter's own {@code @Payload} expression) and {@code payload} (header expressions), plus
 * named beans through the parser's resolver. EL concatenates strings with {@code +=}, not {@code +}.
 *
 * <h2>Replies</h2>
 * Each call that waits gets a fresh {@code TemporaryReplyChannel} in its {@code replyChannel} and
 * {@code errorChannel} headers. With an explicit (subscribable) reply channel, {@code replyChannel} is that
 * channel instead, so that every subscriber sees the reply however the flow routes it, and a bridge the gateway
 * subscribes forwards it to the call's temporary channel (carried in the {@code junction.gateway.replyRoute}
 * header). A pollable reply channel serves methods without arguments and payload, which receive from it. Void
 * methods send and return; their requests carry the explicit reply channel and the error channel, if any, unless
 * the caller mapped those headers itself.
 *
 * <h2>Timeouts</h2>
 * Unbounded unless configured. The request timeout bounds the send; the reply timeout bounds the wait after it,
 * so a single-threaded flow (direct channels), which runs inside the send, is never cut short or interrupted by
 * it. When no reply comes in time the method returns {@code null}, a primitive return type throws
 * {@code MessageTimeoutException}, and an asynchronous method's future fails with one. An interrupted wait
 * returns like a timeout and keeps the interrupt flag. A reply arriving later is refused by the temporary
 * channel, logged at DEBUG, and referenced by nothing.
 *
 * <h2>Errors</h2>
 * A failure downstream reaches the caller as a {@code MessagingException}, or as the first cause in its chain
 * whose type the method declares in {@code throws}; with an error channel, an {@code ErrorMessage} goes there
 * instead and the error flow's reply is the return value ({@code nullChannel} swallows failures at once).
 *
 * <h2>Asynchronous methods</h2>
 * {@code Future}, {@code CompletableFuture} and {@code CompletionStage} methods map their arguments in the
 * caller's thread and run the exchange on the gateway's executor; timeouts and failures complete the future
 * exceptionally, {@code cancel(true)} stops the wait. Without an executor the flow runs in the caller's thread
 * and must reply with the future.
 */
package dev.junction.impl.gateway;

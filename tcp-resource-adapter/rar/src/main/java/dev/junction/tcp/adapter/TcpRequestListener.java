package dev.junction.tcp.adapter;

/**
 * The message listener interface of inbound TCP endpoints: the adapter listens where a {@link TcpActivationSpec}
 * says, and gives each message a client sends to a message endpoint (a message-driven bean, or the bean the
 * endpoint forwards to), whose return value is the reply.
 * <pre>{@code
 * @MessageDriven(activationConfig = {
 *         @ActivationConfigProperty(propertyName = "port", propertyValue = "7100"),
 *         @ActivationConfigProperty(propertyName = "serializer", propertyValue = "crlf")})
 * public class OrderListener implements TcpRequestListener {
 *     @Inject OrderDesk desk;
 *
 *     public byte[] onRequest(byte[] request) {
 *         return desk.answer(request);
 *     }
 * }
 * }</pre>
 */
public interface TcpRequestListener {

    /**
     * @param request the message's payload, without its framing
     * @return the reply to send back on the same connection, framed by the same serializer; {@code null} to send
     *         nothing (a one-way message)
     */
    byte[] onRequest(byte[] request);
}

package dev.junction.jaxrs.client;

import dev.junction.api.runtime.Junction;

/**
 * Where HTTP outbound gateways and channel adapters are declared, in plain Java or in a CDI producer:
 *
 * <pre>{@code
 * HttpOutboundGateway prices = HttpOutbound.gateway(junction, "http://127.0.0.1:8080/prices/{sku}")
 *         .uriVariable("sku", "payload.sku").httpMethod("GET").expectedResponseType(Price.class).build();
 * junction.flow("priceRequests").handle(prices);
 * }</pre>
 */
public final class HttpOutbound {

    private HttpOutbound() {
    }

    /**
     * @param junction    the runtime whose expression parser and channels the gateway uses, and whose close
     *                    releases its client
     * @param uriTemplate an absolute {@code http} or {@code https} URI, with {@code {name}} variables outside its
     *                    scheme and host
     * @return the declaration of a request-reply gateway: the response becomes the reply
     */
    public static HttpOutboundGatewaySpec gateway(Junction junction, String uriTemplate) {
        return new HttpOutboundGatewaySpec(junction, uriTemplate, false);
    }

    /** @return the declaration of a one-way channel adapter: it sends the request and replies nothing */
    public static HttpOutboundGatewaySpec adapter(Junction junction, String uriTemplate) {
        return new HttpOutboundGatewaySpec(junction, uriTemplate, true);
    }
}

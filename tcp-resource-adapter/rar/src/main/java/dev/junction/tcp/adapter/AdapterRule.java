package dev.junction.tcp.adapter;

import jakarta.resource.spi.InvalidPropertyException;

/**
 * The coded rules of the adapter's configuration, checked when the server starts the adapter, creates a managed
 * connection or activates an endpoint. Each problem names the bean, the property and the value, then the rule, so
 * that a failed deployment says what to change in the deployment descriptor, the CLI script or the annotation.
 */
enum AdapterRule {
    UNKNOWN_SERIALIZER("JNC-1100", "serializer is one of " + Serializers.NAMES),
    INVALID_PORT("JNC-1101", "a port is between 1 and 65535 (a server may also take 0: an ephemeral port)"),
    NO_HOST("JNC-1102", "a connection definition names the host it connects to"),
    OUT_OF_RANGE("JNC-1103", "sizes are at least 1 and timeouts at least 1 ms, except where 0 means none"),
    INVALID_ADDRESS("JNC-1104", "bindAddress is an IP address literal, such as 127.0.0.1 or ::1"),
    NOT_A_REQUEST_LISTENER("JNC-1105", "an endpoint activated through TcpActivationSpec implements "
            + TcpRequestListener.class.getName()),
    NO_SEND_LIMIT("JNC-1106", "sendTimeout is from 1 ms to 2147483647 ms, unset for the default of 10 s: in a server"
            + " a write without a limit would hold a server thread for ever when the peer stops reading"),
    NAME_NOT_BOUND("JNC-1107", "a gateway's connection factory is bound under the name it looks up: deploy the"
            + " adapter and define the connection factory (the server's configuration or @ConnectionFactoryDefinition)"
            + " before the application, under that name"),
    NOT_A_CONNECTION_FACTORY("JNC-1108", "the name a gateway looks up is that of a connection factory of the"
            + " Junction TCP adapter, of type " + TcpClientConnectionFactory.class.getName()),
    NO_NAMING_SERVICE("JNC-1109", "a JNDI name is looked up in an application server; in Java SE take the factory"
            + " from the class's @ConnectionFactoryDefinition (AdapterConnections.definedOn) or pass an unmanaged one"
            + " (AdapterConnections.of(managedConnectionFactory.createConnectionFactory()))"),
    NO_DEFINITION("JNC-1110", "AdapterConnections.definedOn names a class carrying the @ConnectionFactoryDefinition"
            + " of the factory, and its name when the class carries several"),
    INVALID_DEFINITION("JNC-1111", "a @ConnectionFactoryDefinition of the adapter names the interface "
            + TcpClientConnectionFactory.class.getName() + " and sets properties of TcpManagedConnectionFactory as"
            + " name=value, a ${system.property} or ${system.property:default} being resolved"),
    REQUESTERS_READ("JNC-1112", "the adapter's connections are read by the thread that sent the request: they"
            + " serve a synchronous outbound gateway without an unsolicited channel (not an async one, a channel"
            + " adapter or an inbound endpoint)");

    private final String code;
    private final String rule;

    AdapterRule(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    /** @return the problem's text: code, what is wrong, the rule it breaks */
    String problem(String what) {
        return code + " " + what + " (" + rule + ")";
    }

    /** @return a Connectors exception for the property, whose message is the problem's text */
    InvalidPropertyException invalid(String bean, String property, Object value) {
        return new InvalidPropertyException(problem(bean + " property " + property + " is invalid: " + value));
    }
}

package dev.junction.tcp.adapter.it.docs;

import dev.junction.tcp.adapter.TcpClientConnectionFactory;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The connection definition declared by the application instead of the server's configuration; compiled here so
 * that the guide's example stays valid Java (the deployment test configures its definition in the RAR instead).
 */
// tag::definition[]
@ConnectionFactoryDefinition(
        name = "java:app/eis/junction/tcp/orders",
        resourceAdapter = "junction-tcp-adapter",          // the RAR's deployment name
        interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 20,
        properties = {"host=127.0.0.1", "port=7100", "serializer=crlf", "replyTimeout=5000"})
public class OrdersConnectionFactory {
    // end::definition[]

    /** The type the definition's interface names, so that a rename breaks this compilation. */
    static final Class<?> INTERFACE = TcpClientConnectionFactory.class;
}

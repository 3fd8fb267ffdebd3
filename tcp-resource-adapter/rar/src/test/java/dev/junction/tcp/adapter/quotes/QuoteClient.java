package dev.junction.tcp.adapter.quotes;

import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.adapter.AdapterConnections;
import dev.junction.tcp.gateway.Tcp;
import dev.junction.tcp.gateway.TcpOutboundGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

import java.time.Duration;

/**
 * An application's TCP client, declared once: the same class runs in Weld SE (the definition made unmanaged from the
 * annotation) and deployed in WildFly (the server makes the definition, the gateway takes its pooled connections).
 * The port is the system property {@code quotes.port}, so that the tests point it at their server.
 */
// tag::client[]
@ConnectionFactoryDefinition(
        name = "java:app/eis/quotes",
        resourceAdapter = "junction-tcp-adapter",          // the RAR's deployment name
        interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 4,
        properties = {"host=127.0.0.1", "port=${quotes.port:7100}", "serializer=crlf", "replyTimeout=5000"})
@ApplicationScoped
public class QuoteClient implements Declaration {

    private TcpOutboundGateway gateway;

    @Override
    public void declare(Junction junction) {
        gateway = Tcp.outboundGateway(junction, AdapterConnections.definedOn(QuoteClient.class))
                .remoteTimeout(Duration.ofSeconds(5)).payloadAsString().build();
        junction.flow("quotes").handle(gateway).id("quoteClient");
    }
    // end::client[]

    /** @return the gateway's client factory, described: its definition, and whether a server pools it */
    public String connectionFactory() {
        return gateway.connectionFactory().toString();
    }
}

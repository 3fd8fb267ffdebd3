package dev.junction.tcp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.NioTcpClientFactory;
import dev.junction.tcp.connection.NioTcpServerFactory;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.Tcp;
import dev.junction.tcp.gateway.TcpInboundChannelAdapter;
import dev.junction.tcp.gateway.TcpInboundGateway;
import dev.junction.tcp.gateway.TcpOutboundGateway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The snippets of docs/tcp.adoc, run as they are written (on 127.0.0.1 and ephemeral ports). */
@Timeout(60)
class TcpGuideTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Junction server = Junction.create();
    private final Junction client = Junction.create();

    @AfterEach
    void close() throws InterruptedException {
        client.close();
        server.close();
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    // tag::client-interface[]
    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 10_000)
    interface Quotes {
        String quote(String symbol);
    }
    // end::client-interface[]

    @Test
    void aServerAndAClient() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // tag::server[]
        TcpConnectionOptions serverOptions = TcpConnectionOptions.builder(FrameCodecs.crlf())
                .localAddress(loopback).build(); // port 0: an ephemeral port
        server.flow("quoteRequests").transform((String symbol) -> symbol.toUpperCase() + " 42.00");
        TcpInboundGateway quoteServer = Tcp.inboundGateway(server,
                        listener -> new BlockingTcpServerFactory(serverOptions, executor, listener))
                .requestChannel("quoteRequests").payloadAsString()
                .errorReply("ERROR").id("quoteServer").register();
        server.start();
        int port = ((TcpServerFactory) quoteServer.connectionFactory()).port();
        // end::server[]

        // tag::client[]
        TcpConnectionOptions clientOptions = TcpConnectionOptions.builder(FrameCodecs.crlf())
                .port(port).build();
        TcpOutboundGateway quoteClient = Tcp.outboundGateway(client,
                        listener -> new NioTcpClientFactory("127.0.0.1", clientOptions, executor, listener))
                .remoteTimeout(Duration.ofSeconds(5)).payloadAsString().build();
        client.flow("quotes").handle(quoteClient).id("quoteClient");
        Quotes quotes = client.gateway(Quotes.class);
        client.start();

        String quote = quotes.quote("acme"); // "ACME 42.00"
        // end::client[]
        assertThat(quote).isEqualTo("ACME 42.00");

        try (Socket telnet = new Socket()) {
            telnet.connect(new InetSocketAddress(loopback, port), 10_000);
            telnet.setSoTimeout(10_000);
            OutputStream out = telnet.getOutputStream();
            out.write("initech\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(telnet.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("INITECH 42.00");
        }
    }

    @Test
    void collaboratingAdapters() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        TcpConnectionOptions options = TcpConnectionOptions.builder(FrameCodecs.lf()).localAddress(loopback).build();
        // tag::collaborating[]
        TcpInboundChannelAdapter in = Tcp.inboundAdapter(server,
                        listener -> new NioTcpServerFactory(options, executor, listener))
                .outputChannel("lines").payloadAsString().register();
        // answers on the connection each line came on: the header ip_connectionId names it
        server.flow("lines").transform((String line) -> "got " + line)
                .handle(Tcp.outboundAdapter(server, in).build());
        server.start();
        // end::collaborating[]

        try (Socket telnet = new Socket()) {
            telnet.connect(new InetSocketAddress(loopback, ((TcpServerFactory) in.connectionFactory()).port()),
                    10_000);
            telnet.setSoTimeout(10_000);
            telnet.getOutputStream().write("one\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(telnet.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).isEqualTo("got one");
        }
    }
}

package dev.junction.tcp.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.NioTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpServerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The snippets of docs/tcp.adoc about codecs and connection factories; each one runs here. */
class TcpConnectionsGuideTest {

    @Test
    void anEchoServerATelnetLikeClientAndAFactoryClient() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        List<String> replies = new CopyOnWriteArrayList<>();
        List<TcpConnectionEvent> events = new CopyOnWriteArrayList<>();
        // tag::server[]
        TcpConnectionOptions serverOptions = TcpConnectionOptions.builder(FrameCodecs.crlf())
                .localAddress(InetAddress.getLoopbackAddress())
                .port(0)                                   // ephemeral: read the bound port after start()
                .maxMessageSize(4096)
                .build();
        TcpServerFactory server = new BlockingTcpServerFactory(serverOptions, executor,
                (connection, payload) -> connection.send(("echo " + new String(payload, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
        server.addEventListener(events::add);              // opened, closed, exceptions, bad frames
        server.start();
        int port = server.port();
        // end::server[]
        try {
            // tag::telnet[]
            try (Socket telnet = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = telnet.getOutputStream();
                out.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(telnet.getInputStream(),
                        StandardCharsets.US_ASCII));
                String line = in.readLine();               // "echo hello"
                // end::telnet[]
                assertThat(line).isEqualTo("echo hello");
            }
            // tag::client[]
            TcpConnectionOptions clientOptions = TcpConnectionOptions.builder(FrameCodecs.crlf())
                    .port(port)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            TcpClientFactory client = new NioTcpClientFactory("127.0.0.1", clientOptions, executor,
                    (connection, payload) -> replies.add(new String(payload, StandardCharsets.UTF_8)));
            client.start();
            TcpConnection connection = client.getConnection();   // shared: the same one until it breaks
            connection.send("ping".getBytes(StandardCharsets.UTF_8));
            // end::client[]
            await().atMost(Duration.ofSeconds(10)).until(() -> replies.contains("echo ping"));
            client.stop();
        } finally {
            server.stop();
            executor.shutdown();
        }
        assertThat(events).anyMatch(TcpConnectionEvent.Opened.class::isInstance);
    }
}

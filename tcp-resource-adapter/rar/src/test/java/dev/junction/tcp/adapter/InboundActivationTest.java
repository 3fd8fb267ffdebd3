package dev.junction.tcp.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.resource.NotSupportedException;
import dev.junction.tcp.connection.TcpConnectionOptions;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Inbound activation driven by a harness playing the server: endpoints answer TCP requests over 127.0.0.1, are
 * created inside works, activation is idempotent, and deactivation and stop leave no connection or work behind.
 */
class InboundActivationTest {

    private final HarnessWorkManager workManager = new HarnessWorkManager();
    private final TcpResourceAdapter adapter = new TcpResourceAdapter();
    private final HarnessEndpoints endpoints = new HarnessEndpoints(
            request -> new String(request, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));

    @BeforeEach
    void start() throws Exception {
        adapter.start(new HarnessBootstrapContext(workManager));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.stop();
        workManager.close();
    }

    @Test
    void theEndpointsReturnValueIsTheReply() throws Exception {
        TcpActivationSpec spec = spec();
        adapter.endpointActivation(endpoints, spec);

        try (Client client = new Client(adapter.port(endpoints, spec))) {
            assertThat(client.exchange("hello")).isEqualTo("HELLO");
            assertThat(client.exchange("twice")).isEqualTo("TWICE");
        }
        assertThat(endpoints.creatingThreads()).hasSize(2)
                .allMatch(name -> name.startsWith(HarnessWorkManager.THREAD_PREFIX));
        await().until(() -> endpoints.unreleased() == 0);
    }

    @Test
    void nioServersAnswerToo() throws Exception {
        TcpActivationSpec spec = spec();
        spec.setNio(true);
        adapter.endpointActivation(endpoints, spec);

        try (Client client = new Client(adapter.port(endpoints, spec))) {
            assertThat(client.exchange("nio")).isEqualTo("NIO");
        }
    }

    @Test
    void anNioServerWithTwoSelectorsAnswersEachConnection() throws Exception {
        TcpActivationSpec spec = spec();
        spec.setNio(true);
        spec.setSelectors(2);
        assertThat(spec.options().selectors()).isEqualTo(2);
        adapter.endpointActivation(endpoints, spec);

        int port = adapter.port(endpoints, spec);
        try (Client first = new Client(port); Client second = new Client(port)) {
            assertThat(first.exchange("one")).isEqualTo("ONE");
            assertThat(second.exchange("two")).isEqualTo("TWO");
        }
    }

    @Test
    void activatingTwiceTheSameWayListensOnce() throws Exception {
        TcpActivationSpec spec = spec();
        adapter.endpointActivation(endpoints, spec);
        int port = adapter.port(endpoints, spec);

        adapter.endpointActivation(endpoints, spec);
        TcpActivationSpec equalSpec = spec();
        adapter.endpointActivation(endpoints, equalSpec);

        assertThat(adapter.activations()).isEqualTo(1);
        assertThat(adapter.port(endpoints, equalSpec)).isEqualTo(port);
        adapter.endpointDeactivation(endpoints, spec);
        assertThat(adapter.activations()).isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void stoppingTheAdapterClosesClientConnectionsAndEndsEveryWork() throws Exception {
        TcpActivationSpec spec = spec();
        adapter.endpointActivation(endpoints, spec);
        Client client = new Client(adapter.port(endpoints, spec));
        assertThat(client.exchange("open")).isEqualTo("OPEN");
        assertThat(adapter.openConnections(endpoints, spec)).isEqualTo(1);

        adapter.stop();

        assertThat(client.readLine()).isNull();
        client.close();
        // a work's own bookkeeping ends a moment after the task inside it, which stop() waited for
        await().until(() -> workManager.running() == 0);
        assertThat(adapter.activations()).isZero();
    }

    @Test
    void aFailingEndpointGetsTheConnectionClosed() throws Exception {
        HarnessEndpoints failing = new HarnessEndpoints(request -> {
            throw new IllegalStateException("the endpoint failed");
        });
        TcpActivationSpec spec = spec();
        adapter.endpointActivation(failing, spec);

        try (Client client = new Client(adapter.port(failing, spec))) {
            client.send("boom");
            assertThat(client.readLine()).isNull();
        }
        await().until(() -> failing.unreleased() == 0);
    }

    @Test
    void aNullReplySendsNothing() throws Exception {
        HarnessEndpoints oneWay = new HarnessEndpoints(request -> new String(request, StandardCharsets.US_ASCII)
                .equals("reply") ? "ok".getBytes(StandardCharsets.US_ASCII) : null);
        TcpActivationSpec spec = spec();
        adapter.endpointActivation(oneWay, spec);

        try (Client client = new Client(adapter.port(oneWay, spec))) {
            client.send("one-way");
            assertThat(client.exchange("reply")).isEqualTo("ok");
        }
    }

    @Test
    void invalidSpecsAreCodedAndNamed() {
        TcpActivationSpec noPort = new TcpActivationSpec();
        assertThatThrownBy(noPort::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("JNC-1101 TcpActivationSpec property port is invalid: null");

        TcpActivationSpec byName = spec();
        byName.setBindAddress("localhost");
        assertThatThrownBy(() -> adapter.endpointActivation(endpoints, byName))
                .isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("JNC-1104 TcpActivationSpec property bindAddress is invalid: localhost");

        TcpActivationSpec badSerializer = spec();
        badSerializer.setSerializer("json");
        assertThatThrownBy(badSerializer::validate).hasMessageStartingWith("JNC-1100");

        TcpActivationSpec noSelector = spec();
        noSelector.setSelectors(0);
        assertThatThrownBy(noSelector::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("JNC-1103").hasMessageContaining("property selectors");
        assertThat(adapter.activations()).isZero();
    }

    @Test
    void anEndpointThatIsNoRequestListenerIsRefused() {
        HarnessEndpoints wrong = new HarnessEndpoints(request -> request, Runnable.class);

        assertThatThrownBy(() -> adapter.endpointActivation(wrong, spec()))
                .isInstanceOf(NotSupportedException.class).hasMessageStartingWith("JNC-1105")
                .hasMessageContaining("java.lang.Runnable");
    }

    @Test
    void theSpecsSerializerWinsOverTheAdapters() throws Exception {
        TcpResourceAdapter stxEtx = new TcpResourceAdapter();
        stxEtx.setSerializer("stx-etx");
        try (HarnessWorkManager works = new HarnessWorkManager()) {
            stxEtx.start(new HarnessBootstrapContext(works));
            TcpActivationSpec inherits = spec();
            inherits.setResourceAdapter(stxEtx);
            TcpActivationSpec overrides = spec();
            overrides.setSerializer("lf");
            overrides.setResourceAdapter(stxEtx);
            assertThat(inherits.options().codec()).hasToString(
                    dev.junction.tcp.codec.FrameCodecs.stxEtx().toString());
            stxEtx.endpointActivation(endpoints, overrides);
            try (Client client = new Client(stxEtx.port(endpoints, overrides))) {
                assertThat(client.exchange("lf")).isEqualTo("LF");
            }
            stxEtx.stop();
        }
    }

    @Test
    void theSpecsSendTimeoutWinsOverTheAdaptersWhichWinsOverTheDefault() throws Exception {
        TcpActivationSpec spec = spec();
        assertThat(spec.options().sendTimeout()).isEqualTo(TcpConnectionOptions.DEFAULT_SEND_TIMEOUT);

        TcpResourceAdapter adapter = new TcpResourceAdapter();
        adapter.setSendTimeout(3_000L);
        spec.setResourceAdapter(adapter);
        assertThat(spec.options().sendTimeout()).isEqualTo(Duration.ofSeconds(3));

        spec.setSendTimeout(500L);
        assertThat(spec.options().sendTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aSendTimeoutWithoutLimitIsRefusedWithItsCode() throws Exception {
        TcpActivationSpec spec = spec();
        spec.setSendTimeout(0L);

        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageStartingWith("JNC-1106 TcpActivationSpec property sendTimeout is invalid: 0");

        TcpResourceAdapter adapter = new TcpResourceAdapter();
        adapter.setSendTimeout(-1L);
        try (HarnessWorkManager works = new HarnessWorkManager()) {
            assertThatThrownBy(() -> adapter.start(new HarnessBootstrapContext(works)))
                    .isInstanceOf(ResourceAdapterInternalException.class)
                    .hasMessageStartingWith("JNC-1106 TcpResourceAdapter property sendTimeout is invalid: -1");
        }
    }

    private static TcpActivationSpec spec() {
        TcpActivationSpec spec = new TcpActivationSpec();
        spec.setPort(0);
        spec.setBindAddress("127.0.0.1");
        return spec;
    }

    /** A line client on plain sockets, as telnet would be. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        void send(String line) throws IOException {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        String exchange(String line) throws IOException {
            send(line);
            return readLine();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

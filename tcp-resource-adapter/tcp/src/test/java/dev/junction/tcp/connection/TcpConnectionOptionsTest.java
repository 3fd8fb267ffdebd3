package dev.junction.tcp.connection;

import dev.junction.tcp.codec.FrameCodec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TcpConnectionOptionsTest {

    private final FrameCodec codec = new TestCrLfCodec();

    @Test
    void defaultsAreThePublishedConstants() {
        TcpConnectionOptions options = TcpConnectionOptions.builder(codec).build();

        assertThat(options.port()).isEqualTo(TcpConnectionOptions.DEFAULT_PORT).isZero();
        assertThat(options.localAddress()).isEmpty();
        assertThat(options.backlog()).isEqualTo(TcpConnectionOptions.DEFAULT_BACKLOG);
        assertThat(options.soTimeout()).isEqualTo(TcpConnectionOptions.DEFAULT_SO_TIMEOUT).isZero();
        assertThat(options.sendTimeout()).isEqualTo(TcpConnectionOptions.DEFAULT_SEND_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(options.keepAlive()).isEqualTo(TcpConnectionOptions.DEFAULT_KEEP_ALIVE);
        assertThat(options.tcpNoDelay()).isEqualTo(TcpConnectionOptions.DEFAULT_TCP_NO_DELAY);
        assertThat(options.connectTimeout()).isEqualTo(TcpConnectionOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(options.singleUse()).isEqualTo(TcpConnectionOptions.DEFAULT_SINGLE_USE).isFalse();
        assertThat(options.sendBufferSize()).isEqualTo(TcpConnectionOptions.DEFAULT_BUFFER_SIZE).isZero();
        assertThat(options.receiveBufferSize()).isEqualTo(TcpConnectionOptions.DEFAULT_BUFFER_SIZE);
        assertThat(options.lookupHost()).isEqualTo(TcpConnectionOptions.DEFAULT_LOOKUP_HOST).isFalse();
        assertThat(options.maxMessageSize()).isEqualTo(FrameCodec.DEFAULT_MAX_MESSAGE_SIZE);
        assertThat(options.selectorHandOff()).isEqualTo(TcpConnectionOptions.DEFAULT_SELECTOR_HAND_OFF);
        assertThat(options.selectors()).isEqualTo(TcpConnectionOptions.DEFAULT_SELECTORS).isOne();
        assertThat(options.codec()).isSameAs(codec);
    }

    @Test
    void everyInvalidValueIsNamedInOneException() {
        TcpConnectionOptions.Builder builder = TcpConnectionOptions.builder(codec).port(70_000).backlog(0)
                .soTimeout(Duration.ofMillis(-1)).sendTimeout(Duration.ofNanos(5)).connectTimeout(Duration.ZERO)
                .sendBufferSize(-1).receiveBufferSize(-2).maxMessageSize(0).selectors(0);

        assertThatIllegalArgumentException().isThrownBy(builder::build)
                .withMessageStartingWith("JNC-0721 Invalid TCP connection options: ")
                .withMessageContainingAll("port must be between 0 and 65535, was 70000",
                        "backlog must be at least 1, was 0", "soTimeout must be", "sendTimeout must be zero (no limit)",
                        "connectTimeout must be",
                        "sendBufferSize must not be negative", "receiveBufferSize must not be negative",
                        "maxMessageSize must be at least 1, was 0", "selectors must be at least 1, was 0");
    }

    @Test
    void aCodecIsRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> TcpConnectionOptions.builder(null).build())
                .withMessageContaining("codec is required");
    }

    @Test
    void aTimeoutBelowOneMillisecondIsRefusedRatherThanReadAsNoLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TcpConnectionOptions.builder(codec).soTimeout(Duration.ofNanos(10)).build())
                .withMessageContaining("soTimeout must be zero (no limit) or from 1 ms");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TcpConnectionOptions options = TcpConnectionOptions.builder(codec).port(4242).backlog(7)
                .soTimeout(Duration.ofSeconds(3)).sendTimeout(Duration.ofMillis(1500)).keepAlive(true)
                .tcpNoDelay(true).connectTimeout(Duration.ofMillis(250)).singleUse(true).sendBufferSize(1024)
                .receiveBufferSize(2048).lookupHost(true).maxMessageSize(99)
                .selectorHandOff(Duration.ofMillis(7)).selectors(3).build();

        assertThat(options.toBuilder().build()).hasToString(options.toString());
        assertThat(options.toBuilder().port(1).build().port()).isEqualTo(1);
    }

    @Test
    void aClientNeedsTheServersPort() {
        TcpConnectionOptions options = TcpConnectionOptions.builder(codec).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BlockingTcpClientFactory("127.0.0.1", options, Runnable::run, (c, p) -> { }))
                .withMessageStartingWith("JNC-0721").withMessageContaining("port must be the server's port");
    }
}

package dev.junction.tcp.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executor;

/** The factory kinds the tests run against, and options bound to 127.0.0.1 with the test codec. */
final class Kinds {

    static final String LOOPBACK = "127.0.0.1";

    private Kinds() {
    }

    enum Server {
        BLOCKING, NIO,
        /** NIO with two selectors: connections alternate between them. */
        NIO_TWO_SELECTORS;

        TcpServerFactory create(TcpConnectionOptions options, Executor executor, TcpMessageListener listener) {
            return switch (this) {
                case BLOCKING -> new BlockingTcpServerFactory(options, executor, listener);
                case NIO -> new NioTcpServerFactory(options, executor, listener);
                case NIO_TWO_SELECTORS -> new NioTcpServerFactory(options.toBuilder().selectors(2).build(), executor,
                        listener);
            };
        }
    }

    enum Client {
        BLOCKING, NIO;

        TcpClientFactory create(TcpConnectionOptions options, Executor executor, TcpMessageListener listener) {
            return this == BLOCKING ? new BlockingTcpClientFactory(LOOPBACK, options, executor, listener)
                    : new NioTcpClientFactory(LOOPBACK, options, executor, listener);
        }
    }

    /** @return options for a server on an ephemeral port of 127.0.0.1, framed by {@link TestCrLfCodec} */
    static TcpConnectionOptions.Builder loopback() {
        try {
            return TcpConnectionOptions.builder(new TestCrLfCodec()).localAddress(InetAddress.getByName(LOOPBACK));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return options for a client of the server, leaving from 127.0.0.1 */
    static TcpConnectionOptions.Builder clientOf(TcpServerFactory server) {
        return loopback().port(server.port());
    }
}

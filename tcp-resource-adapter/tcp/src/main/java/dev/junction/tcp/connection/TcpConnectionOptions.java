package dev.junction.tcp.connection;

import dev.junction.tcp.codec.FrameCodec;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a connection factory opens and configures its sockets, and how its connections frame messages. Immutable;
 * built with {@link #builder(FrameCodec)}, which checks every value at {@link Builder#build()} and reports every
 * invalid one in a single {@link IllegalArgumentException}. Each default is a public constant of this class.
 *
 * <p>For a server factory {@link #port()} and {@link #localAddress()} are where it listens; for a client factory
 * the port is the server's port and the local address, when set, the interface its sockets leave from.
 */
public final class TcpConnectionOptions {

    /** Default {@link #port()}: 0, an ephemeral port chosen when a server binds (a client needs a real port). */
    public static final int DEFAULT_PORT = 0;
    /** Default {@link #backlog()}: 50 pending connections, the JDK's own default. */
    public static final int DEFAULT_BACKLOG = 50;
    /** Default {@link #soTimeout()}: zero, a connection may stay idle for ever. */
    public static final Duration DEFAULT_SO_TIMEOUT = Duration.ZERO;
    /**
     * Default {@link #sendTimeout()}: 10 seconds, so that a peer that stops reading cannot hold a writing thread
     * (often the connection's reader, writing a reply) for ever.
     */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@link #keepAlive()}: off, as the operating system has it. */
    public static final boolean DEFAULT_KEEP_ALIVE = false;
    /** Default {@link #tcpNoDelay()}: off; each frame is written in one call, so Nagle's delay rarely applies. */
    public static final boolean DEFAULT_TCP_NO_DELAY = false;
    /** Default {@link #connectTimeout()}: 60 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Default {@link #singleUse()}: off, connections are kept and shared. */
    public static final boolean DEFAULT_SINGLE_USE = false;
    /** Default {@link #sendBufferSize()} and {@link #receiveBufferSize()}: 0, the operating system's size. */
    public static final int DEFAULT_BUFFER_SIZE = 0;
    /** Default {@link #lookupHost()}: off, peers are named by their numeric address and no DNS query is made. */
    public static final boolean DEFAULT_LOOKUP_HOST = false;
    /** Default {@link #maxMessageSize()}: {@link FrameCodec#DEFAULT_MAX_MESSAGE_SIZE} bytes. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = FrameCodec.DEFAULT_MAX_MESSAGE_SIZE;
    /**
     * Default {@link #selectorHandOff()}: 20 ms. Far above what a request and reply flow takes to run (a few
     * microseconds to a millisecond), so that such flows run on the selector's thread without a hand-off between
     * threads; short enough that a flow that waits (for a database, another service) delays the other connections of
     * an NIO factory by tens of milliseconds at most.
     */
    public static final Duration DEFAULT_SELECTOR_HAND_OFF = Duration.ofMillis(20);
    /**
     * Default {@link #selectors()}: 1. One selector serves many connections with the fewest threads; a server whose
     * busy connections need more than one core for their flows takes more.
     */
    public static final int DEFAULT_SELECTORS = 1;

    private final int port;
    private final InetAddress localAddress;
    private final int backlog;
    private final Duration soTimeout;
    private final Duration sendTimeout;
    private final boolean keepAlive;
    private final boolean tcpNoDelay;
    private final Duration connectTimeout;
    private final boolean singleUse;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final boolean lookupHost;
    private final int maxMessageSize;
    private final Duration selectorHandOff;
    private final int selectors;
    private final FrameCodec codec;

    private TcpConnectionOptions(Builder builder) {
        this.port = builder.port;
        this.localAddress = builder.localAddress;
        this.backlog = builder.backlog;
        this.soTimeout = builder.soTimeout;
        this.sendTimeout = builder.sendTimeout;
        this.keepAlive = builder.keepAlive;
        this.tcpNoDelay = builder.tcpNoDelay;
        this.connectTimeout = builder.connectTimeout;
        this.singleUse = builder.singleUse;
        this.sendBufferSize = builder.sendBufferSize;
        this.receiveBufferSize = builder.receiveBufferSize;
        this.lookupHost = builder.lookupHost;
        this.maxMessageSize = builder.maxMessageSize;
        this.selectorHandOff = builder.selectorHandOff;
        this.selectors = builder.selectors;
        this.codec = builder.codec;
    }

    /**
     * @param codec how messages are framed on the wire; required until the project's CRLF codec can be the default
     * @return a builder holding every default
     */
    public static Builder builder(FrameCodec codec) {
        return new Builder(codec);
    }

    /** @return a builder holding these options, to derive others (another port, single use...) */
    public Builder toBuilder() {
        Builder builder = new Builder(codec);
        builder.port = port;
        builder.localAddress = localAddress;
        builder.backlog = backlog;
        builder.soTimeout = soTimeout;
        builder.sendTimeout = sendTimeout;
        builder.keepAlive = keepAlive;
        builder.tcpNoDelay = tcpNoDelay;
        builder.connectTimeout = connectTimeout;
        builder.singleUse = singleUse;
        builder.sendBufferSize = sendBufferSize;
        builder.receiveBufferSize = receiveBufferSize;
        builder.lookupHost = lookupHost;
        builder.maxMessageSize = maxMessageSize;
        builder.selectorHandOff = selectorHandOff;
        builder.selectors = selectors;
        return builder;
    }

    /** @return the port a server listens on (0: ephemeral) or the server port a client connects to */
    public int port() {
        return port;
    }

    /** @return the interface to bind; empty: every interface for a server, the system's choice for a client */
    public Optional<InetAddress> localAddress() {
        return Optional.ofNullable(localAddress);
    }

    /** @return how many connections may wait to be accepted by a server */
    public int backlog() {
        return backlog;
    }

    /** @return how long a connection may receive nothing before it is closed; zero for no limit */
    public Duration soTimeout() {
        return soTimeout;
    }

    /**
     * @return how long writing one frame may take (the peer reads nothing, so the socket's buffers stay full)
     *         before the write fails with a {@link dev.junction.api.error.MessageTimeoutException} and the
     *         connection is closed; zero for no limit. Blocking factories check it with a task of their own on the
     *         executor, every quarter of it (at most every second), so a stuck write ends within that much of it
     */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** @return whether TCP keep-alive probes are sent on idle connections */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @return whether Nagle's algorithm is disabled, so that small writes leave at once */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /** @return how long a client waits for a connection to be established */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * @return whether a connection serves one request only: a client factory then opens a new connection on each
     *         {@code getConnection()}; gateways read this to close a connection once its exchange is done
     */
    public boolean singleUse() {
        return singleUse;
    }

    /** @return the socket send buffer size in bytes; 0 for the operating system's */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    /** @return the socket receive buffer size in bytes; 0 for the operating system's */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /** @return whether a peer's host name is looked up (a reverse DNS query) for connection ids and events */
    public boolean lookupHost() {
        return lookupHost;
    }

    /** @return the largest payload a connection accepts; a longer frame fails that connection */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * @return for the NIO factories: how long a connection's payloads may be delivered on the selector's own thread
     *         before another thread of the executor takes over selecting; zero to deliver every read on a task of
     *         the executor instead. The selector's thread delivers what it reads itself, which spares a hand-off
     *         between threads per message; should a delivery (the listener, the flow behind it, a write waiting for
     *         the peer to read) last longer than this, a task of the executor takes over the selector, so that other
     *         connections wait at most about one and a half times this for a slow one, and the thread that was
     *         delivering finishes its payload and leaves. Payloads of one connection stay one at a time and in order
     *         either way. With a non-zero value the factory runs one more task for its life, which looks at the
     *         selector every half of this value: the executor needs a thread for it, for the selector, and one to
     *         spare for a take-over
     */
    public Duration selectorHandOff() {
        return selectorHandOff;
    }

    /**
     * @return for the NIO factories: how many selectors watch their connections, each with its own task (and its
     *         own watch, see {@link #selectorHandOff()}); connections are given to them in turn as they open. One
     *         selector delivers on one thread at a time, so the flows of all its connections share one core: with
     *         many busy connections on a machine of several cores, one selector per core lets their flows run side
     *         by side. Each connection stays with its selector, so its payloads keep their order. The executor needs
     *         two threads per selector (one with a zero {@code selectorHandOff}) and one more
     */
    public int selectors() {
        return selectors;
    }

    /** @return how messages are framed */
    public FrameCodec codec() {
        return codec;
    }

    @Override
    public String toString() {
        return "TcpConnectionOptions[port=" + port + ", localAddress=" + localAddress + ", backlog=" + backlog
                + ", soTimeout=" + soTimeout + ", sendTimeout=" + sendTimeout + ", keepAlive=" + keepAlive
                + ", tcpNoDelay=" + tcpNoDelay + ", connectTimeout=" + connectTimeout + ", singleUse=" + singleUse
                + ", sendBufferSize=" + sendBufferSize + ", receiveBufferSize=" + receiveBufferSize
                + ", lookupHost=" + lookupHost + ", maxMessageSize=" + maxMessageSize
                + ", selectorHandOff=" + selectorHandOff + ", selectors=" + selectors + ", codec=" + codec + "]";
    }

    /** Builds {@link TcpConnectionOptions}; not thread-safe. Values are checked together by {@link #build()}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private InetAddress localAddress;
        private int backlog = DEFAULT_BACKLOG;
        private Duration soTimeout = DEFAULT_SO_TIMEOUT;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private boolean keepAlive = DEFAULT_KEEP_ALIVE;
        private boolean tcpNoDelay = DEFAULT_TCP_NO_DELAY;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean singleUse = DEFAULT_SINGLE_USE;
        private int sendBufferSize = DEFAULT_BUFFER_SIZE;
        private int receiveBufferSize = DEFAULT_BUFFER_SIZE;
        private boolean lookupHost = DEFAULT_LOOKUP_HOST;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Duration selectorHandOff = DEFAULT_SELECTOR_HAND_OFF;
        private int selectors = DEFAULT_SELECTORS;
        private final FrameCodec codec;

        private Builder(FrameCodec codec) {
            this.codec = codec;
        }

        /** @see TcpConnectionOptions#port() */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @param localAddress the interface to bind, {@code null} for the default; see {@link #localAddress()} */
        public Builder localAddress(InetAddress localAddress) {
            this.localAddress = localAddress;
            return this;
        }

        /** @see TcpConnectionOptions#backlog() */
        public Builder backlog(int backlog) {
            this.backlog = backlog;
            return this;
        }

        /** @see TcpConnectionOptions#soTimeout() */
        public Builder soTimeout(Duration soTimeout) {
            this.soTimeout = soTimeout;
            return this;
        }

        /** @see TcpConnectionOptions#sendTimeout() */
        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** @see TcpConnectionOptions#keepAlive() */
        public Builder keepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** @see TcpConnectionOptions#tcpNoDelay() */
        public Builder tcpNoDelay(boolean tcpNoDelay) {
            this.tcpNoDelay = tcpNoDelay;
            return this;
        }

        /** @see TcpConnectionOptions#connectTimeout() */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** @see TcpConnectionOptions#singleUse() */
        public Builder singleUse(boolean singleUse) {
            this.singleUse = singleUse;
            return this;
        }

        /** @see TcpConnectionOptions#sendBufferSize() */
        public Builder sendBufferSize(int sendBufferSize) {
            this.sendBufferSize = sendBufferSize;
            return this;
        }

        /** @see TcpConnectionOptions#receiveBufferSize() */
        public Builder receiveBufferSize(int receiveBufferSize) {
            this.receiveBufferSize = receiveBufferSize;
            return this;
        }

        /** @see TcpConnectionOptions#lookupHost() */
        public Builder lookupHost(boolean lookupHost) {
            this.lookupHost = lookupHost;
            return this;
        }

        /** @see TcpConnectionOptions#maxMessageSize() */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /** @see TcpConnectionOptions#selectorHandOff() */
        public Builder selectorHandOff(Duration selectorHandOff) {
            this.selectorHandOff = selectorHandOff;
            return this;
        }

        /** @see TcpConnectionOptions#selectors() */
        public Builder selectors(int selectors) {
            this.selectors = selectors;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming every option whose value is invalid
         */
        public TcpConnectionOptions build() {
            List<String> problems = new ArrayList<>();
            if (codec == null) {
                problems.add("codec is required");
            }
            if (port < 0 || port > 65_535) {
                problems.add("port must be between 0 and 65535, was " + port);
            }
            if (backlog < 1) {
                problems.add("backlog must be at least 1, was " + backlog);
            }
            checkTimeout(problems, "soTimeout", soTimeout, true);
            checkTimeout(problems, "sendTimeout", sendTimeout, true);
            checkTimeout(problems, "connectTimeout", connectTimeout, false);
            checkTimeout(problems, "selectorHandOff", selectorHandOff, true);
            if (sendBufferSize < 0) {
                problems.add("sendBufferSize must not be negative (0 for the system's size), was " + sendBufferSize);
            }
            if (receiveBufferSize < 0) {
                problems.add("receiveBufferSize must not be negative (0 for the system's size), was "
                        + receiveBufferSize);
            }
            if (maxMessageSize < 1) {
                problems.add("maxMessageSize must be at least 1, was " + maxMessageSize);
            }
            if (selectors < 1) {
                problems.add("selectors must be at least 1, was " + selectors);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("JNC-0721 Invalid TCP connection options: "
                        + String.join("; ", problems) + ": correct each option named");
            }
            return new TcpConnectionOptions(this);
        }

        // Sockets take whole milliseconds as an int: a positive value below 1 ms would silently mean "no limit".
        private static void checkTimeout(List<String> problems, String name, Duration value, boolean zeroAllowed) {
            String range = zeroAllowed ? "zero (no limit) or from 1 ms" : "from 1 ms";
            if (value == null) {
                problems.add(name + " is required");
            } else if (value.isZero() ? !zeroAllowed
                    : value.isNegative() || value.compareTo(Duration.ofMillis(1)) < 0
                            || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                problems.add(name + " must be " + range + " to " + Integer.MAX_VALUE + " ms, was " + value);
            }
        }
    }
}

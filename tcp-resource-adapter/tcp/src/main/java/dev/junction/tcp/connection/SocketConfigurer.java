package dev.junction.tcp.connection;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;

/** Applies the options to a socket, before it connects so that buffer sizes can shape the TCP window. */
final class SocketConfigurer {

    private static final System.Logger LOG = System.getLogger(SocketConfigurer.class.getName());

    private SocketConfigurer() {
    }

    static void configure(Socket socket, TcpConnectionOptions options) throws IOException {
        socket.setSoTimeout((int) options.soTimeout().toMillis());
        socket.setKeepAlive(options.keepAlive());
        socket.setTcpNoDelay(options.tcpNoDelay());
        if (options.sendBufferSize() > 0) {
            socket.setSendBufferSize(options.sendBufferSize());
        }
        if (options.receiveBufferSize() > 0) {
            socket.setReceiveBufferSize(options.receiveBufferSize());
        }
    }

    /** Closes what failed to become a connection; a failure to close is only worth a debug line. */
    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing " + closeable + " failed", e);
        }
    }
}

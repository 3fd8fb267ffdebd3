package dev.junction.tcp.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener with a backlog of 1 that never accepts, its queue filled by connections made here: the
 * kernel then drops further connection requests, so a client's connect waits until its own timeout. This tests
 * connect timeouts without sending anything beyond this machine.
 */
final class FullBacklogServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    FullBacklogServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName(Kinds.LOOPBACK));
        for (int attempt = 0; attempt < 16; attempt++) {
            Socket filler = new Socket();
            try {
                filler.connect(server.getLocalSocketAddress(), 500);
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("The backlog of " + server + " never filled");
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        server.close();
    }
}

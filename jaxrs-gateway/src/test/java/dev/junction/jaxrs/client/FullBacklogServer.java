package dev.junction.jaxrs.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on 127.0.0.1 with a backlog of 1 that never accepts, its queue filled by connections made here: the
 * kernel then ignores further connection requests, so a client's connect lasts until its own timeout. Connect
 * timeouts are tested without reaching beyond this machine.
 */
final class FullBacklogServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    FullBacklogServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
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

    String uri(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        server.close();
    }
}

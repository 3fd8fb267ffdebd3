package dev.junction.tcp.adapter.it.app;

import dev.junction.tcp.adapter.TcpClientConnection;
import dev.junction.tcp.adapter.TcpClientConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.resource.ResourceException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The outbound side: sends {@code ?text=} through a connection of the adapter's connection definition (which points
 * at the inbound endpoint of the same application) and writes the reply.
 */
@WebServlet("/relay")
public class RelayServlet extends HttpServlet {

    // tag::lookup[]
    // a resource reference: the application's web.xml binds it to the server's JNDI name (below)
    @Resource(name = "eis/orders")
    TcpClientConnectionFactory connections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] reply;
        try (TcpClientConnection connection = connections.getConnection()) {
            reply = connection.sendAndReceive(request.getParameter("text").getBytes(StandardCharsets.UTF_8));
        } catch (ResourceException e) {
            throw new IOException(e);
        }
        // end::lookup[]
        response.setContentType("text/plain");
        response.getOutputStream().write(reply);
    }
}

package dev.junction.tcp.adapter.it.quotes;

import dev.junction.tcp.adapter.quotes.QuoteClient;
import dev.junction.tcp.adapter.quotes.Quotes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The web side of the quotes application: {@code /quote?symbol=} asks the gateway {@link QuoteClient} declares;
 * {@code /factory} describes the gateway's client factory; {@code /threads} lists the threads Java SE's unmanaged
 * mode would have started (none in a server).
 */
@WebServlet(urlPatterns = {"/quote", "/factory", "/threads"})
public class QuoteServlet extends HttpServlet {

    @Inject
    Quotes quotes;

    @Inject
    QuoteClient client;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = switch (request.getServletPath()) {
            case "/quote" -> quotes.quote(request.getParameter("symbol"));
            case "/factory" -> client.connectionFactory();
            default -> Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith("junction-tcp-unmanaged-")).collect(Collectors.joining("\n"));
        };
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }
}

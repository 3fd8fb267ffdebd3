package dev.junction.tcp.adapter.it.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deployed beside the application and kept after it is undeployed: lists the server's threads that are running
 * Junction code now (one per line, empty when none), so the test sees whether undeploying left a thread behind.
 */
@WebServlet("/junction-threads")
public class ThreadProbeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String busy = Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey() != Thread.currentThread()) // this servlet is Junction code too
                .filter(entry -> Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.junction.")))
                .map(Map.Entry::getKey).map(Thread::getName).collect(Collectors.joining("\n"));
        response.setContentType("text/plain");
        response.getWriter().write(busy);
    }
}

package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.handler.AbstractReplyProducingHandler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of HTTP, a message handler to use as a flow's step ({@code junction.flow("quotes").handle(gateway)}):
 * each message becomes a request to the URI its template and expressions give, and the response becomes the reply,
 * sent to the next step or the request's reply channel. Its one-way kind, the outbound channel adapter, sends the
 * request and replies nothing. Declared with {@link HttpOutbound#gateway} and {@link HttpOutbound#adapter}.
 *
 * <p><b>Client.</b> It runs on the JDK's {@code java.net.http.HttpClient} (HTTP/1.1), which every Java 11+ runtime
 * has, in SE and in every container alike, and whose connect timeout, response timeout and connection reuse behave
 * the same everywhere; Jakarta REST clients leave timeouts' meaning and the connection pool to each implementation.
 *
 * <p><b>Timeouts.</b> The connect timeout ({@link #DEFAULT_CONNECT_TIMEOUT}) bounds getting a connection: opening
 * one, or waiting for one of the gateway's {@link #DEFAULT_MAX_CONNECTIONS} to be free; then a
 * {@link ConnectTimeoutException}. The read timeout ({@link #DEFAULT_READ_TIMEOUT}) bounds the whole exchange, from
 * the start until the last byte of the body; then a {@link ReadTimeoutException}. The send timeout
 * ({@link #DEFAULT_SEND_TIMEOUT}) bounds sending the reply to a channel that blocks (a full queue); then a
 * {@code MessageDeliveryException}.
 *
 * <p><b>Errors.</b> A 4xx or 5xx status is an {@link HttpStatusException} carrying the status, headers and body;
 * other failures are {@link MessageHandlingException}s naming the URI. All carry the request message, so the
 * requester's error channel ({@code errorChannel} header) receives them.
 *
 * <p>Thread-safe: one gateway serves any number of threads, up to its connection limit at once.
 */
public final class HttpOutboundGateway extends AbstractReplyProducingHandler {

    /** Default connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default read timeout, the whole exchange until the response's last byte: 30 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default send timeout, toward a reply channel that blocks: 30 s. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
    /** Default limit of exchanges in progress at once, hence of open HTTP/1.1 connections per gateway: 20. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;

    private final String name;
    private final RequestMapping requests;
    private final ReplyMapping replies;
    private final boolean oneWay;
    private final HttpClient client;
    private final Semaphore connections;
    private final int maxConnections;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    HttpOutboundGateway(ReplyProducerSettings settings, GatewaySettings gateway) {
        super(settings);
        this.name = settings.componentName();
        this.requests = gateway.requests();
        this.replies = gateway.replies();
        this.oneWay = gateway.oneWay();
        this.client = gateway.client();
        this.maxConnections = gateway.maxConnections();
        this.connections = new Semaphore(maxConnections, true);
        this.connectTimeout = gateway.connectTimeout();
        this.readTimeout = gateway.readTimeout();
    }

    /** @return whether this is an outbound channel adapter, which replies nothing */
    public boolean isOneWay() {
        return oneWay;
    }

    /** @return how many exchanges may be in progress at once, hence how many connections it opens at most */
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        URI uri = requests.uri(request);
        String method = requests.method(request, name);
        HttpRequest http = requests.toHttp(request, uri, method, name);
        long start = System.nanoTime();
        acquireConnection(request, method, uri);
        try {
            HttpResponse<byte[]> response = exchange(request, http, start);
            Message<?> reply = replies.toReply(request, response, name);
            return oneWay ? null : reply;
        } finally {
            connections.release();
        }
    }

    private void acquireConnection(Message<?> request, String method, URI uri) {
        try {
            if (!connections.tryAcquire(connectTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ConnectTimeoutException(request, name + ": " + method + " " + uri + " got no connection"
                        + " within the connect timeout of " + connectTimeout.toMillis() + " ms: all "
                        + maxConnections + " connections of the gateway stayed busy (raise maxConnections, or"
                        + " look at the server's response times)", null);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MessageHandlingException(request, name + ": interrupted while waiting for a connection to "
                    + uri, interrupted);
        }
    }

    private HttpResponse<byte[]> exchange(Message<?> request, HttpRequest http, long start) {
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(http,
                HttpResponse.BodyHandlers.ofByteArray());
        // the client's own timeout ends at the response's headers; this wait bounds the body as well
        long left = readTimeout.toNanos() - (System.nanoTime() - start);
        try {
            return response.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            response.cancel(true);
            throw readTimeout(request, http, late);
        } catch (InterruptedException interrupted) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new MessageHandlingException(request, name + ": interrupted while awaiting the response of "
                    + http.method() + " " + http.uri(), interrupted);
        } catch (ExecutionException failed) {
            throw failure(request, http, failed.getCause());
        } catch (CancellationException cancelled) {
            throw new MessageHandlingException(request, name + ": " + http.method() + " " + http.uri()
                    + " was cancelled", cancelled);
        }
    }

    private MessagingException failure(Message<?> request, HttpRequest http, Throwable cause) {
        String exchange = name + ": " + http.method() + " " + http.uri();
        if (cause instanceof HttpConnectTimeoutException) {
            return new ConnectTimeoutException(request, exchange + " could not connect within the connect timeout of "
                    + connectTimeout.toMillis() + " ms", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return readTimeout(request, http, cause);
        }
        if (cause instanceof ConnectException) {
            return new MessageHandlingException(request, exchange + " could not connect: " + cause.getMessage()
                    + " (is the server running, on that host and port?)", cause);
        }
        if (cause instanceof MessagingException messaging) {
            return messaging;
        }
        String kind = cause instanceof IOException ? " failed: " : " failed unexpectedly: ";
        return new MessageHandlingException(request, exchange + kind + cause, cause);
    }

    private ReadTimeoutException readTimeout(Message<?> request, HttpRequest http, Throwable cause) {
        return new ReadTimeoutException(request, name + ": " + http.method() + " " + http.uri() + " got no complete"
                + " response within the read timeout of " + readTimeout.toMillis() + " ms", cause);
    }

    @Override
    public String toString() {
        return name;
    }

    /** What a gateway is made with, checked by its spec. */
    record GatewaySettings(RequestMapping requests, ReplyMapping replies, boolean oneWay, HttpClient client,
                           int maxConnections, Duration connectTimeout, Duration readTimeout) {
    }
}

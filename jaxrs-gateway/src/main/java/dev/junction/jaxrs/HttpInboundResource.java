package dev.junction.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.net.URI;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one Jakarta REST resource behind every HTTP inbound gateway: it matches every path and hands each request to
 * the {@link HttpInboundGateways} of its application, which find the gateway whose path template and method match.
 * Applications write no resource class of their own.
 *
 * <p>Each request is answered through the {@code CompletionStage} its method returns, which the gateway completes
 * with the response. When the answer is there before the method returns (a refusal, or a flow that replied on the
 * request's thread), the stage is already complete and the runtime answers at once, on the request's thread (Jersey
 * 3.1 still suspends the request for any stage and resumes it in the same call, which costs about what a plain
 * resource resuming an {@code AsyncResponse} at once costs). Otherwise the request stays suspended until the stage
 * completes: on the replying flow's thread, or on the gateways' timer when the reply timeout passes.
 *
 * <p>Written against the standard API only, so it runs unchanged on Jersey and RESTEasy. The gateways are found in
 * the application's property {@value JunctionHttpApplication#GATEWAYS_PROPERTY} ({@link JunctionHttpApplication}
 * sets it). One instance serves every request of its application ({@link JunctionHttpApplication#singletons()}):
 * the runtime injects its {@code @Context} fields once, as thread-safe proxies to the current request's objects, and
 * the instance keeps no state of its own. The class is public with a public no-argument constructor and not final,
 * so a runtime may also make it per request, or containers manage it as a CDI bean.
 *
 * <p>Each request is read from its context as the runtime hands it to a request filter ({@code CurrentRequest},
 * registered with the resource by {@link JunctionHttpApplication#singletons()}) rather than through the injected
 * proxies, whose first call in each request costs the runtime a lookup of the request's object; without the filter
 * the proxies serve.
 *
 * <p>{@code HEAD} requests reach the {@code GET} method (Jakarta REST drops the body); {@code OPTIONS} answers with
 * the methods the gateways serve on the path.
 */
@Path("{path: .*}")
@CurrentRequest.Bound
public class HttpInboundResource {

    private static final System.Logger LOG = System.getLogger(HttpInboundResource.class.getName());

    @Context
    private Configuration configuration;
    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;
    @Context
    private Request request;
    @Context
    private Providers providers;

    /** For the Jakarta REST runtime. */
    public HttpInboundResource() {
    }

    /** Dispatches a {@code GET} (and a {@code HEAD}); a body it may carry has no meaning and is not read. */
    @GET
    public CompletionStage<Response> get() {
        ContainerRequestContext current = CurrentRequest.take();
        return dispatch(current, current != null ? current.getMethod() : request.getMethod(),
                InputStream.nullInputStream());
    }

    /** Dispatches a {@code POST}. */
    @POST
    public CompletionStage<Response> post(InputStream body) {
        return dispatch(CurrentRequest.take(), HttpMethod.POST, body);
    }

    /** Dispatches a {@code PUT}. */
    @PUT
    public CompletionStage<Response> put(InputStream body) {
        return dispatch(CurrentRequest.take(), HttpMethod.PUT, body);
    }

    /** Dispatches a {@code DELETE}. */
    @DELETE
    public CompletionStage<Response> delete(InputStream body) {
        return dispatch(CurrentRequest.take(), HttpMethod.DELETE, body);
    }

    /** Dispatches a {@code PATCH}. */
    @PATCH
    public CompletionStage<Response> patch(InputStream body) {
        return dispatch(CurrentRequest.take(), HttpMethod.PATCH, body);
    }

    /** @return 204 with the methods the gateways serve on this path in {@code Allow}, or 404 */
    @OPTIONS
    public Response options() {
        UriInfo uri = uriInfo(CurrentRequest.take());
        HttpInboundGateways gateways = gateways();
        if (gateways == null) {
            return notConfigured(uri);
        }
        return gateways.options(encodedPath(uri));
    }

    /**
     * Reads what the gateways need of the request: from its context when the filter handed it over, else through
     * the injected proxies. The headers are read from their map, and the query parameters are asked for only when
     * the URI has a query.
     *
     * @param current the request's context, or null
     */
    private CompletionStage<Response> dispatch(ContainerRequestContext current, String method, InputStream body) {
        UriInfo uri = uriInfo(current);
        HttpInboundGateways gateways = gateways();
        if (gateways == null) {
            return CompletableFuture.completedFuture(notConfigured(uri));
        }
        String encodedPath = encodedPath(uri);
        URI requestUri = uri.getRequestUri();
        // case-insensitive keys
        MultivaluedMap<String, String> requestHeaders = current != null ? current.getHeaders()
                : headers.getRequestHeaders();
        String contentTypeHeader = requestHeaders.getFirst(HttpHeaders.CONTENT_TYPE);
        MediaType contentType = null;
        if (contentTypeHeader != null) {
            try {
                contentType = current != null ? current.getMediaType() : headers.getMediaType();
            } catch (RuntimeException malformed) {
                return CompletableFuture.completedFuture(ProblemResponses.problem(400,
                        "The Content-Type header is not a media type", encodedPath, null).build());
            }
        }
        MultivaluedMap<String, String> queryParams = requestUri.getRawQuery() == null ? new MultivaluedHashMap<>(0)
                : uri.getQueryParameters(true);
        InboundRequest inbound = new InboundRequest(method, encodedPath, requestUri, queryParams, requestHeaders,
                contentType, contentTypeHeader, contentLength(requestHeaders.getFirst(HttpHeaders.CONTENT_LENGTH)),
                requestHeaders.getFirst("Transfer-Encoding") != null, () -> acceptable(current), body, providers);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        try {
            gateways.dispatch(inbound, answer::complete);
        } catch (RuntimeException unexpected) {
            // a fault of a mapper or of the gateway itself: still a problem body, never the container's error page
            LOG.log(Level.ERROR, "Serving " + inbound.method() + " " + inbound.encodedPath() + " failed", unexpected);
            answer.complete(ProblemResponses.problem(500, "The request could not be processed",
                    inbound.encodedPath(), null).build());
        }
        return answer;
    }

    private UriInfo uriInfo(ContainerRequestContext current) {
        return current != null ? current.getUriInfo() : uriInfo;
    }

    /** @return the types the client accepts; none listed when it sent no {@code Accept}, which means any */
    private List<MediaType> acceptable(ContainerRequestContext current) {
        // the runtime would parse a missing header into a list holding */*: the negotiation reads none as any
        if (current != null) {
            return current.getHeaderString(HttpHeaders.ACCEPT) == null ? List.of()
                    : current.getAcceptableMediaTypes();
        }
        return headers.getHeaderString(HttpHeaders.ACCEPT) == null ? List.of()
                : headers.getAcceptableMediaTypes();
    }

    /** @return the announced length, or -1 when none (or none the server's HTTP parser would have let through) */
    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException malformed) {
            return -1; // read as a body of unknown length, still bounded by the limit
        }
    }

    private static String encodedPath(UriInfo uri) {
        String path = uri.getPath(false);
        return path.startsWith("/") ? path : "/" + path;
    }

    /** @return the application's gateways, else those of the deployment's runtime ({@code of}), else null */
    private HttpInboundGateways gateways() {
        Object gateways = configuration.getProperty(JunctionHttpApplication.GATEWAYS_PROPERTY);
        if (gateways instanceof HttpInboundGateways found) {
            return found;
        }
        try {
            return HttpInboundGateways.shared().orElse(null);
        } catch (IllegalStateException ambiguous) {
            LOG.log(Level.ERROR, ambiguous.getMessage());
            return null;
        }
    }

    private Response notConfigured(UriInfo uri) {
        // the application may be up before the runtime has declared its gateways (a container starting)
        LOG.log(Level.WARNING, "HttpInboundResource has no gateways yet: its application has no property '"
                + JunctionHttpApplication.GATEWAYS_PROPERTY + "' and no runtime made them with"
                + " HttpInboundGateways.of(junction) in the class loader " + HttpInboundGateways.class.getClassLoader()
                + "; answering 503");
        return ProblemResponses.problem(503, "The server is not ready to serve this request", encodedPath(uri),
                null).build();
    }
}

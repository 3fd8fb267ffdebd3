package dev.junction.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The one Jakarta REST resource behind every HTTP inbound gateway: it matches every path and hands each request,
 * suspended, to the {@link HttpInboundGateways} of its application, which find the gateway whose path template and
 * method match. Applications write no resource class of their own.
 *
 * <p>Written against the standard API only, so it runs unchanged on Jersey and RESTEasy. The gateways are found in
 * the application's property {@value JunctionHttpApplication#GATEWAYS_PROPERTY} ({@link JunctionHttpApplication}
 * sets it). The runtime creates an instance per request; the class is public with a public no-argument constructor
 * and not final, so containers that manage resources as CDI beans can proxy it.
 *
 * <p>{@code HEAD} requests reach the {@code GET} method (Jakarta REST drops the body); {@code OPTIONS} answers with
 * the methods the gateways serve on the path.
 */
@Path("{path: .*}")
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
    public void get(@Suspended AsyncResponse response) {
        dispatch(response, InputStream.nullInputStream());
    }

    /** Dispatches a {@code POST}. */
    @POST
    public void post(@Suspended AsyncResponse response, InputStream body) {
        dispatch(response, body);
    }

    /** Dispatches a {@code PUT}. */
    @PUT
    public void put(@Suspended AsyncResponse response, InputStream body) {
        dispatch(response, body);
    }

    /** Dispatches a {@code DELETE}. */
    @DELETE
    public void delete(@Suspended AsyncResponse response, InputStream body) {
        dispatch(response, body);
    }

    /** Dispatches a {@code PATCH}. */
    @PATCH
    public void patch(@Suspended AsyncResponse response, InputStream body) {
        dispatch(response, body);
    }

    /** @return 204 with the methods the gateways serve on this path in {@code Allow}, or 404 */
    @OPTIONS
    public Response options() {
        HttpInboundGateways gateways = gateways();
        if (gateways == null) {
            return notConfigured();
        }
        return gateways.options(encodedPath());
    }

    private void dispatch(AsyncResponse response, InputStream body) {
        HttpInboundGateways gateways = gateways();
        if (gateways == null) {
            response.resume(notConfigured());
            return;
        }
        String encodedPath = encodedPath();
        MediaType contentType;
        try {
            contentType = headers.getMediaType();
        } catch (RuntimeException malformed) {
            response.resume(ProblemResponses.problem(400, "The Content-Type header is not a media type",
                    encodedPath, null).build());
            return;
        }
        String contentTypeHeader = contentType == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        InboundRequest inbound = new InboundRequest(request.getMethod(), encodedPath, uriInfo.getRequestUri(),
                uriInfo.getQueryParameters(true), headers.getRequestHeaders(), contentType, contentTypeHeader,
                headers.getLength(), headers.getHeaderString("Transfer-Encoding") != null,
                this::acceptable, body, providers);
        try {
            gateways.dispatch(inbound, response::resume);
        } catch (RuntimeException unexpected) {
            // a fault of a mapper or of the gateway itself: still a problem body, never the container's error page
            LOG.log(Level.ERROR, "Serving " + inbound.method() + " " + inbound.encodedPath() + " failed", unexpected);
            response.resume(ProblemResponses.problem(500, "The request could not be processed", inbound.encodedPath(),
                    null).build());
        }
    }

    /** @return the types the client accepts; none listed when it sent no {@code Accept}, which means any */
    private List<MediaType> acceptable() {
        // the runtime would parse a missing header into a list holding */*: the negotiation reads none as any
        return headers.getHeaderString(HttpHeaders.ACCEPT) == null ? List.of()
                : headers.getAcceptableMediaTypes();
    }

    private String encodedPath() {
        String path = uriInfo.getPath(false);
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

    private Response notConfigured() {
        // the application may be up before the runtime has declared its gateways (a container starting)
        LOG.log(Level.WARNING, "HttpInboundResource has no gateways yet: its application has no property '"
                + JunctionHttpApplication.GATEWAYS_PROPERTY + "' and no runtime made them with"
                + " HttpInboundGateways.of(junction) in the class loader " + HttpInboundGateways.class.getClassLoader()
                + "; answering 503");
        return ProblemResponses.problem(503, "The server is not ready to serve this request", encodedPath(),
                null).build();
    }
}

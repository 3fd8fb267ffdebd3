package dev.junction.jaxrs;

import jakarta.ws.rs.core.Response;

/** Answers one request; called once, from whichever thread settles the exchange. */
@FunctionalInterface
interface Responder {

    void respond(Response response);
}

package dev.junction.tcp.adapter.it.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The application's CDI bean that computes every reply: the request in upper case. */
@ApplicationScoped
public class Shouter {

    public byte[] shout(byte[] request) {
        return new String(request, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }
}

package dev.junction.tck.apps;

import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;

/** A small valid application, deployed after the failing ones. */
public final class ValidApplication {

    private ValidApplication() {
    }

    @ApplicationScoped
    public static class Echo {
        @ServiceActivator(inputChannel = "echo")
        public String echo(String text) {
            return text;
        }
    }
}

package dev.junction.impl.gateway;

import dev.junction.api.annotation.MessagingGateway;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Which executor runs a gateway's asynchronous methods: one given or looked up ({@link #executor()}), the
 * gateway's own default one (created only if a method needs it), or none.
 *
 * @param executor the given or looked-up executor; {@code null} for the default one or none
 * @param available whether asynchronous methods run on an executor at all
 */
record ExecutorChoice(Executor executor, boolean available) {

    /**
     * The builder's explicit choice wins; else the annotation's: empty for the default (the builder's default
     * executor, else the gateway's own), {@link MessagingGateway#NO_ASYNC_EXECUTOR} for none, any other value a name
     * to look up.
     */
    static ExecutorChoice of(Class<?> serviceInterface, Executor given, boolean disabled, Executor fallback,
            Function<String, ? extends Executor> lookup, Problems problems) {
        if (given != null) {
            return new ExecutorChoice(given, true);
        }
        if (disabled) {
            return new ExecutorChoice(null, false);
        }
        MessagingGateway annotation = serviceInterface.getAnnotation(MessagingGateway.class);
        String name = annotation == null ? "" : annotation.asyncExecutor();
        if (name.isEmpty()) {
            return new ExecutorChoice(fallback, true);
        }
        if (MessagingGateway.NO_ASYNC_EXECUTOR.equals(name)) {
            return new ExecutorChoice(null, false);
        }
        Executor found = lookup == null ? null : lookup.apply(name);
        if (found == null) {
            problems.add(GatewayDefaults.WHERE, GatewayRule.UNKNOWN_EXECUTOR, "the async executor '" + name + "' "
                    + (lookup == null ? "cannot be looked up: no executor lookup was given to the gateway factory"
                    : "names no executor; declare one under that name (under CDI a @Named(\"" + name + "\") bean of"
                    + " type Executor) or correct the name"));
            return new ExecutorChoice(null, true);
        }
        return new ExecutorChoice(found, true);
    }
}

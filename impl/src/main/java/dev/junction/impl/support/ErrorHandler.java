package dev.junction.impl.support;

/**
 * Receives failures that happen where no caller can see them: on an executor's thread, in a poller. The
 * failed message travels inside the {@link dev.junction.api.error.MessagingException} when there is one.
 */
@FunctionalInterface
public interface ErrorHandler {

    void handleError(Throwable error);
}

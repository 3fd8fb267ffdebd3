package dev.junction.cdi;

import dev.junction.impl.poller.PollAdvice;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import java.util.Objects;

/**
 * Activates the CDI request context around each poll, so handlers running on poller and executor threads can
 * use {@code @RequestScoped} beans as they can on a caller's thread. A context already active on the thread (a
 * poll run by application code) is left as it is. Every poll gets a fresh request context, ended when it ends.
 */
final class RequestContextPollAdvice implements PollAdvice {

    private final Instance<RequestContextController> controllers;

    RequestContextPollAdvice(Instance<RequestContextController> controllers) {
        this.controllers = Objects.requireNonNull(controllers, "controllers");
    }

    @Override
    public boolean around(Poll poll) throws Exception {
        RequestContextController controller = controllers.get();
        boolean activated = controller.activate();
        try {
            return poll.proceed();
        } finally {
            try {
                if (activated) {
                    controller.deactivate();
                }
            } finally {
                controllers.destroy(controller);
            }
        }
    }
}

package dev.junction.cdi;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Runs work in a CDI request context, so that handlers on threads Junction hands work to (pollers, executor
 * channels, asynchronous gateways) can use {@code @RequestScoped} beans as they can on a caller's thread. A context
 * already active on the thread is used as it is; otherwise a fresh one is activated for the work and ended with it.
 */
final class RequestContexts {

    private final Instance<RequestContextController> controllers;

    RequestContexts(Instance<RequestContextController> controllers) {
        this.controllers = Objects.requireNonNull(controllers, "controllers");
    }

    /** @return request contexts of the container of that bean manager */
    static RequestContexts of(BeanManager beanManager) {
        return new RequestContexts(beanManager.createInstance().select(RequestContextController.class));
    }

    /** Runs the work in a request context and returns its result. */
    <T> T call(Callable<T> work) throws Exception {
        RequestContextController controller = controllers.get();
        boolean activated = controller.activate();
        try {
            return work.call();
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

    /** @return an executor running each task of the given one in a request context */
    Executor around(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(() -> run(task));
    }

    /**
     * @return the handler, each of its messages handled in a request context; it keeps the handler's order and
     *         name, which channels read to sort their subscribers and to report failures
     */
    MessageHandler around(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        // Ordered only when the handler is: a channel places handlers without an order after all ordered ones
        return handler instanceof Ordered ? new OrderedInRequestContext(handler) : new InRequestContext(handler);
    }

    /** A handler whose messages are handled in a request context. */
    private class InRequestContext implements MessageHandler {
        final MessageHandler handler;

        InRequestContext(MessageHandler handler) {
            this.handler = handler;
        }

        @Override
        public void handleMessage(Message<?> message) {
            run(() -> handler.handleMessage(message));
        }

        @Override
        public String toString() {
            return handler.toString();
        }
    }

    /** The same for an {@link Ordered} handler, at the handler's place among its channel's subscribers. */
    private final class OrderedInRequestContext extends InRequestContext implements Ordered {

        OrderedInRequestContext(MessageHandler handler) {
            super(handler);
        }

        @Override
        public int getOrder() {
            return ((Ordered) handler).getOrder();
        }
    }

    private void run(Runnable work) {
        try {
            call(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible); // a Runnable throws no checked exception
        }
    }
}

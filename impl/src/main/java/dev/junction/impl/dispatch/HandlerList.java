package dev.junction.impl.dispatch;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The subscribers of a channel in dispatch order: handlers that are {@link Ordered} by their order, then the
 * others in subscription order. Copy-on-write, because dispatching reads it on every message and subscribing
 * happens a few times in an application's life.
 */
public final class HandlerList {

    private static final Comparator<MessageHandler> BY_ORDER = Comparator.comparingInt(HandlerList::orderOf);

    /** One consistent view of the subscribers: the array to iterate and a read-only list over it. */
    public record Snapshot(MessageHandler[] handlers, List<MessageHandler> view) {
        static final Snapshot EMPTY = new Snapshot(new MessageHandler[0], List.of());

        static Snapshot of(List<MessageHandler> handlers) {
            MessageHandler[] array = handlers.toArray(MessageHandler[]::new);
            return new Snapshot(array, Collections.unmodifiableList(Arrays.asList(array)));
        }
    }

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    HandlerList() {
    }

    /** @return the current subscribers */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** @return whether the handler was added (false when already present) */
    public synchronized boolean add(MessageHandler handler) {
        List<MessageHandler> current = snapshot.view();
        if (current.contains(handler)) {
            return false;
        }
        List<MessageHandler> copy = new ArrayList<>(current);
        copy.add(handler);
        copy.sort(BY_ORDER); // stable: equal orders keep subscription order
        snapshot = Snapshot.of(copy);
        return true;
    }

    /** @return whether the handler was present */
    public synchronized boolean remove(MessageHandler handler) {
        List<MessageHandler> copy = new ArrayList<>(snapshot.view());
        if (!copy.remove(handler)) {
            return false;
        }
        snapshot = copy.isEmpty() ? Snapshot.EMPTY : Snapshot.of(copy);
        return true;
    }

    public int size() {
        return snapshot.handlers().length;
    }

    private static int orderOf(MessageHandler handler) {
        return handler instanceof Ordered ordered ? ordered.getOrder() : Integer.MAX_VALUE;
    }
}

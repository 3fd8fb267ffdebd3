package dev.junction.impl.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The FIFO store of {@link HandoffQueue}: a lock-free linked list (a sentinel node, then the elements) that any
 * number of threads add to at the tail and take from at the head.
 *
 * <p>Why not {@code ConcurrentLinkedQueue} or {@code ConcurrentLinkedDeque}: they keep their head and tail
 * references side by side in one object, so a sender and a receiver on two cores write one cache line alternately,
 * even when the queue holds many elements between them. Here the head sits on a line of its own, written by
 * receivers only, and the tail on another, written by senders only; what passes between the two cores is the element's
 * node, which a hand-off cannot avoid.
 *
 * <p>A taken node's link is pointed at itself, so that nodes long dead (perhaps already in an older GC generation) do
 * not keep the younger ones they linked to reachable. Removal from the middle ({@link #remove}) empties the node's
 * element; takers skip such nodes.
 */
final class LinkedElements<E> extends LinkedElementsTail<E> implements Iterable<E> {

    long padAfterTail0;
    long padAfterTail1;
    long padAfterTail2;
    long padAfterTail3;
    long padAfterTail4;
    long padAfterTail5;
    long padAfterTail6;

    LinkedElements() {
        Node<E> sentinel = new Node<>(null);
        head = sentinel;
        tail = sentinel;
    }

    /**
     * Adds the element at the tail. The tail reference moves only every other addition (when it was found one node
     * behind), which saves a compare-and-set on the other half: an adder walks at most a node or two from it.
     */
    void add(E element) {
        Node<E> node = new Node<>(Objects.requireNonNull(element));
        Node<E> start = tail;
        Node<E> last = start;
        while (true) {
            Node<E> next = last.next();
            if (next == null) {
                if (last.casNext(null, node)) {
                    if (last != start) {
                        casTail(start, node); // failing only when another adder already moved the tail further
                    }
                    return;
                }
                // another adder linked first: continue from its node
            } else if (next == last) {
                // that node was taken meanwhile (the tail fell behind the head): start again from a fresh tail, or
                // from the head, which is at or before the last node
                Node<E> current = tail;
                last = current != start ? current : head;
                start = current;
            } else {
                last = next;
            }
        }
    }

    /** @return the element at the head, removed, or {@code null} when there is none */
    E poll() {
        while (true) {
            Node<E> first = head;
            Node<E> next = first.next();
            if (next == null) {
                return null;
            }
            if (next != first && casHead(first, next)) {
                first.linkToSelf();
                E element = next.take(); // next is the sentinel now; an element removed from the middle is null
                if (element != null) {
                    return element;
                }
            }
            // another receiver took the head first, or the node's element was removed: look again
        }
    }

    /** @return the element at the head, not removed, or {@code null} when there is none */
    E peek() {
        for (Node<E> node = firstNode(); node != null; node = successor(node)) {
            E element = node.item();
            if (element != null) {
                return element;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return peek() == null;
    }

    /** @return how many elements the list holds; a walk over them, for monitoring only */
    int size() {
        int count = 0;
        for (Node<E> node = firstNode(); node != null && count < Integer.MAX_VALUE; node = successor(node)) {
            if (node.item() != null) {
                count++;
            }
        }
        return count;
    }

    /** Removes the first occurrence of the element; its node stays linked, empty, until a taker skips it. */
    boolean remove(Object element) {
        if (element == null) {
            return false;
        }
        for (Node<E> node = firstNode(); node != null; node = successor(node)) {
            E candidate = node.item();
            if (candidate != null && candidate.equals(element) && node.casItem(candidate, null)) {
                return true;
            }
        }
        return false;
    }

    /** A weakly consistent iterator: elements in their order, as they are while it walks; it cannot remove. */
    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private Node<E> node = firstNode();
            private E nextElement = advance();

            private E advance() {
                while (node != null) {
                    E element = node.item();
                    Node<E> current = node;
                    node = successor(current);
                    if (element != null) {
                        return element;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return nextElement != null;
            }

            @Override
            public E next() {
                E element = nextElement;
                if (element == null) {
                    throw new NoSuchElementException();
                }
                nextElement = advance();
                return element;
            }
        };
    }

    /** @return the node after the sentinel, or {@code null} when the list is empty */
    private Node<E> firstNode() {
        while (true) {
            Node<E> sentinel = head;
            Node<E> first = sentinel.next();
            if (first != sentinel) {
                return first;
            }
            // that sentinel was taken meanwhile: read the new one
        }
    }

    /** @return the node after this one, or the first node when this one was taken meanwhile */
    private Node<E> successor(Node<E> node) {
        Node<E> next = node.next();
        return next == node ? firstNode() : next;
    }

    /** A link of the list. */
    static final class Node<E> {
        private static final VarHandle ITEM;
        private static final VarHandle NEXT;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                ITEM = lookup.findVarHandle(Node.class, "item", Object.class);
                NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
            } catch (ReflectiveOperationException impossible) {
                throw new ExceptionInInitializerError(impossible);
            }
        }

        // accessed through the handles only: a plain write in the constructor, published by the CAS that links it
        private Object item;
        private Node<E> next;

        Node(E item) {
            this.item = item;
        }

        @SuppressWarnings("unchecked")
        E item() {
            return (E) ITEM.getAcquire(this);
        }

        boolean casItem(E expected, E value) {
            return ITEM.compareAndSet(this, expected, value);
        }

        /** @return the element, now emptied here, or {@code null} when another thread removed it */
        @SuppressWarnings("unchecked")
        E take() {
            return (E) ITEM.getAndSet(this, null);
        }

        @SuppressWarnings("unchecked")
        Node<E> next() {
            return (Node<E>) NEXT.getAcquire(this);
        }

        boolean casNext(Node<E> expected, Node<E> value) {
            return NEXT.compareAndSet(this, expected, value);
        }

        void linkToSelf() {
            NEXT.setRelease(this, this);
        }
    }
}

/** The tail, written by adders, after padding that keeps it off the head's line. */
abstract class LinkedElementsTail<E> extends LinkedElementsMiddlePadding<E> {
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(LinkedElementsTail.class, "tail", LinkedElements.Node.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    volatile LinkedElements.Node<E> tail;

    final void casTail(LinkedElements.Node<E> expected, LinkedElements.Node<E> value) {
        TAIL.compareAndSet(this, expected, value);
    }
}

/** Padding between head and tail. */
abstract class LinkedElementsMiddlePadding<E> extends LinkedElementsHead<E> {
    long padBetween0;
    long padBetween1;
    long padBetween2;
    long padBetween3;
    long padBetween4;
    long padBetween5;
    long padBetween6;
}

/** The head (the sentinel before the first element), written by takers. */
abstract class LinkedElementsHead<E> extends LinkedElementsFrontPadding {
    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(LinkedElementsHead.class, "head", LinkedElements.Node.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    volatile LinkedElements.Node<E> head;

    final boolean casHead(LinkedElements.Node<E> expected, LinkedElements.Node<E> value) {
        return HEAD.compareAndSet(this, expected, value);
    }
}

/** Padding before the head: no other object's field shares its line. */
abstract class LinkedElementsFrontPadding {
    long padBefore0;
    long padBefore1;
    long padBefore2;
    long padBefore3;
    long padBefore4;
    long padBefore5;
    long padBefore6;
}

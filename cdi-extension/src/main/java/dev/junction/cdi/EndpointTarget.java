package dev.junction.cdi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an endpoint method is invoked on: the bean's contextual reference, and, where calling the bean's contextual
 * instance directly keeps every CDI semantic (see {@link BeanReferences#applicationScopedInstance}), a supplier of
 * that instance, asked on the first call so that the bean is still created only when first needed.
 *
 * @param reference           the contextual reference (Weld's client proxy for a normal-scoped bean)
 * @param instanceOnFirstCall the instance to call instead, or {@code null}: every call goes through the reference
 */
record EndpointTarget(Object reference, Supplier<Object> instanceOnFirstCall) {

    EndpointTarget {
        Objects.requireNonNull(reference, "reference");
    }
}

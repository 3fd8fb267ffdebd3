package dev.junction.impl.source;

import dev.junction.api.message.Message;
import dev.junction.api.source.MessageSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A message source over a supplier (a bean method, an expression): {@code null} means no message this time; a
 * returned {@link Message} is used as is; anything else becomes the payload of a new message.
 */
public final class SupplierMessageSource implements MessageSource<Object> {

    private final Supplier<?> supplier;

    public SupplierMessageSource(Supplier<?> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Message<Object> receive() {
        Object result = supplier.get();
        if (result == null) {
            return null;
        }
        return result instanceof Message<?> message ? (Message<Object>) message : Message.of(result);
    }

    @Override
    public String toString() {
        return "SupplierMessageSource[" + supplier + "]";
    }
}

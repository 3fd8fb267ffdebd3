package dev.junction.api.advice;

import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.ConcurrentMetadataStore;
import java.util.Objects;

/**
 * Builds an idempotent receiver: an advice that lets an endpoint handle each message once, recognising a message it
 * has already accepted by a key computed from the message (an order number, a transfer id). The key is recorded in a
 * {@link ConcurrentMetadataStore} with {@code putIfAbsent} before the handling: of the messages carrying one key, the
 * first is handled as usual, and the later ones -- sent again, redelivered, racing on another thread or in another
 * JVM sharing the store -- are duplicates. A duplicate is
 * <ul>
 * <li>sent to the {@link #discardChannel(String) discard channel}, when there is one, and not handled;</li>
 * <li>then, with {@link #throwExceptionOnRejection(boolean)}, refused with a
 * {@link dev.junction.api.error.MessageRejectedException} ({@code JNC-0944}) carrying it;</li>
 * <li>otherwise (neither) handled all the same, with the header {@value MessageHeaders#DUPLICATE_MESSAGE}
 * {@code = true}, which the handler may read and which travels with the endpoint's reply, like every request
 * header.</li>
 * </ul>
 *
 * <pre>{@code
 * HandlerAdvice once = Advices.idempotentReceiver()
 *         .key("payload.orderId")
 *         .store(stores.metadataStore())        // JDBC: shared by every JVM on the database
 *         .discardChannel("duplicateOrders")
 *         .build();
 * junction.flow("orders").handle(new Kitchen()).advice(once);
 * }</pre>
 *
 * <p><b>A failed handling keeps its key</b> by default: the message counts as received, and the same message sent
 * again (a retry, a redelivery) is a duplicate. With {@link #removeKeyOnFailure(boolean) removeKeyOnFailure(true)}
 * the key is removed when the handling fails, so the message can be handled again; only failures of the handling
 * and of the advices inside this one count, never those of the flow after the endpoint. Put the idempotent receiver
 * first (outermost) in an advice chain: inside a retry, every attempt after the first would be a duplicate.
 *
 * <p><b>Checked when an endpoint is built with it</b>, with the flow's (or the deployment's) other problems, naming the
 * endpoint: exactly one of a key expression and a key strategy ({@code JNC-0940}, {@code JNC-0941}), at most one of a
 * value expression and a value strategy ({@code JNC-0941}), valid expressions ({@code JNC-0942}), a discard channel
 * that exists ({@code JNC-0943}).
 *
 * <p>The advice built is thread-safe and may advise several endpoints; they then share its store, and so its keys.
 * Without {@link #store(ConcurrentMetadataStore)}, that store is one in memory, of this advice only, lost with the
 * JVM.
 */
public final class IdempotentReceiverSpec {

    private String keyExpression;
    private MessageKeyStrategy keyStrategy;
    private String valueExpression;
    private MessageKeyStrategy valueStrategy;
    private ConcurrentMetadataStore store;
    private String discardChannel;
    private boolean throwExceptionOnRejection;
    private boolean removeKeyOnFailure;

    IdempotentReceiverSpec() {
    }

    /**
     * @param expression the key of a message, an expression over {@code payload}, {@code headers} and
     *                   {@code message} ({@code payload.orderId}, {@code headers['transferId']}); converted to a string
     */
    public IdempotentReceiverSpec key(String expression) {
        this.keyExpression = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /** @param strategy computes the key of a message in code, instead of a key expression */
    public IdempotentReceiverSpec keyStrategy(MessageKeyStrategy strategy) {
        this.keyStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * @param expression the value stored with a new key, an expression like the key's; by default the message's
     *                   {@link MessageHeaders#TIMESTAMP timestamp}
     */
    public IdempotentReceiverSpec value(String expression) {
        this.valueExpression = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /** @param strategy computes the value stored with a new key in code, instead of a value expression */
    public IdempotentReceiverSpec valueStrategy(MessageKeyStrategy strategy) {
        this.valueStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * @param store where the keys are kept: a JDBC store ({@code JdbcStores.metadataStore()}) survives restarts and is
     *              shared by every JVM on the same database and table prefix; default: in memory, of this advice
     */
    public IdempotentReceiverSpec store(ConcurrentMetadataStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** @param channelName receives the duplicates, which are then not handled */
    public IdempotentReceiverSpec discardChannel(String channelName) {
        this.discardChannel = Objects.requireNonNull(channelName, "channelName");
        return this;
    }

    /** @param throwIt whether a duplicate fails with a {@code MessageRejectedException} (after the discard channel) */
    public IdempotentReceiverSpec throwExceptionOnRejection(boolean throwIt) {
        this.throwExceptionOnRejection = throwIt;
        return this;
    }

    /**
     * @param remove whether the key is removed when the handling fails, so that the message may be handled again
     *               (default {@code false}: it stays, and the message sent again is a duplicate)
     */
    public IdempotentReceiverSpec removeKeyOnFailure(boolean remove) {
        this.removeKeyOnFailure = remove;
        return this;
    }

    /** @return the advice; it is checked when an endpoint is built with it */
    public HandlerAdvice build() {
        return Advices.provider().idempotentReceiver(this);
    }

    /** @return the key expression, or {@code null} */
    public String getKeyExpression() {
        return keyExpression;
    }

    /** @return the key strategy, or {@code null} */
    public MessageKeyStrategy getKeyStrategy() {
        return keyStrategy;
    }

    /** @return the value expression, or {@code null} */
    public String getValueExpression() {
        return valueExpression;
    }

    /** @return the value strategy, or {@code null} */
    public MessageKeyStrategy getValueStrategy() {
        return valueStrategy;
    }

    /** @return the store, or {@code null} for one in memory */
    public ConcurrentMetadataStore getStore() {
        return store;
    }

    /** @return the discard channel's name, or {@code null} */
    public String getDiscardChannel() {
        return discardChannel;
    }

    public boolean isThrowExceptionOnRejection() {
        return throwExceptionOnRejection;
    }

    public boolean isRemoveKeyOnFailure() {
        return removeKeyOnFailure;
    }
}

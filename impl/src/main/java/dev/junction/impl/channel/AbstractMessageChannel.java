package dev.junction.impl.channel;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.management.ChannelStatistics;
import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Base of every interceptable channel: naming, datatype enforcement and the send side of the interceptor
 * protocol. Subclasses implement {@link #doSend(Message, long)}.
 *
 * <p>A channel without interceptors and datatypes goes straight to {@code doSend}: the features not in use
 * cost one array-length check and two null checks (datatypes, and the send counters while statistics are off).
 */
abstract class AbstractMessageChannel implements InterceptableChannel, ChannelStatistics {

    static final System.Logger LOG = System.getLogger(AbstractMessageChannel.class.getPackageName());
    private static final ChannelInterceptor[] NO_INTERCEPTORS = {};

    private final String name;
    private final DatatypeGuard datatypes;
    /** Copy-on-write: senders read one snapshot per send, changes are rare. */
    private volatile ChannelInterceptor[] interceptors;
    /** The counts, kept when statistics are turned off so they can go on; see {@link #counting}. */
    private final SendCounters counters = new SendCounters();
    /** {@link #counters} while statistics are on, else {@code null}: the fast path reads one field. */
    private volatile SendCounters counting;

    protected AbstractMessageChannel(ChannelBuilder<?, ?> builder) {
        this.name = builder.effectiveName(getClass());
        this.datatypes = DatatypeGuard.of(builder.datatypes, builder.conversion);
        this.interceptors = builder.interceptors.isEmpty() ? NO_INTERCEPTORS
                : builder.interceptors.toArray(ChannelInterceptor[]::new);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public final boolean send(Message<?> message) {
        return send(message, Timeouts.INDEFINITE);
    }

    @Override
    public final boolean send(Message<?> message, Duration timeout) {
        return send(message, Timeouts.toNanos(timeout));
    }

    private boolean send(Message<?> message, long timeoutNanos) {
        Objects.requireNonNull(message, "message must not be null");
        if (datatypes != null) {
            message = datatypes.admit(message, name);
        }
        ChannelInterceptor[] chain = interceptors;
        SendCounters counted = counting;
        if (chain.length == 0) {
            try {
                boolean sent = doSend(message, timeoutNanos);
                if (counted != null) {
                    counted.sent(sent);
                }
                return sent;
            } catch (RuntimeException failure) {
                if (counted != null) {
                    counted.failed();
                }
                throw asSendFailure(failure, message);
            }
        }
        if (counted == null) {
            return sendIntercepted(message, timeoutNanos, chain);
        }
        try {
            boolean sent = sendIntercepted(message, timeoutNanos, chain);
            counted.sent(sent);
            return sent;
        } catch (RuntimeException failure) {
            counted.failed();
            throw failure;
        }
    }

    private boolean sendIntercepted(Message<?> message, long timeoutNanos, ChannelInterceptor[] chain) {
        int completedPreSends = 0;
        boolean sent = false;
        Message<?> current = message;
        try {
            for (ChannelInterceptor interceptor : chain) {
                Message<?> next = interceptor.preSend(current, this);
                if (next == null) {
                    LOG.log(Level.DEBUG, () -> interceptor + " stopped the send of " + message + " on '" + name + "'");
                    afterSendCompletion(chain, completedPreSends, current, false, null);
                    return false;
                }
                current = next;
                completedPreSends++;
            }
            sent = doSend(current, timeoutNanos);
            for (ChannelInterceptor interceptor : chain) {
                interceptor.postSend(current, this, sent);
            }
        } catch (RuntimeException failure) {
            RuntimeException reported = asSendFailure(failure, current);
            afterSendCompletion(chain, completedPreSends, current, sent, reported);
            throw reported;
        }
        afterSendCompletion(chain, completedPreSends, current, sent, null);
        return sent;
    }

    /** Calls {@code afterSendCompletion} in reverse order on the interceptors whose {@code preSend} completed. */
    private void afterSendCompletion(ChannelInterceptor[] chain, int completed, Message<?> message, boolean sent,
            Exception failure) {
        for (int i = completed - 1; i >= 0; i--) {
            try {
                chain[i].afterSendCompletion(message, this, sent, failure);
            } catch (RuntimeException cleanupFailure) {
                // the send's own outcome stands; a failing cleanup must not hide it or skip the other interceptors
                LOG.log(Level.ERROR, "afterSendCompletion of " + chain[i] + " on channel '" + name + "' failed", cleanupFailure);
            }
        }
    }

    private RuntimeException asSendFailure(RuntimeException failure, Message<?> message) {
        if (failure instanceof MessagingException messaging) {
            return messaging.getFailedMessage() != null ? messaging
                    : new MessageDeliveryException(message, messaging.getMessage(), messaging);
        }
        return new MessageDeliveryException(message, "Failed to send the message to channel '" + name + "': " + failure, failure);
    }

    /**
     * Hands the message over.
     *
     * @param timeoutNanos the longest wait, or {@link Timeouts#INDEFINITE}
     * @return whether it was handed over in time
     */
    protected abstract boolean doSend(Message<?> message, long timeoutNanos);

    ChannelInterceptor[] interceptorSnapshot() {
        return interceptors;
    }

    @Override
    public synchronized void addInterceptor(ChannelInterceptor interceptor) {
        addInterceptor(interceptors.length, interceptor);
    }

    @Override
    public synchronized void addInterceptor(int index, ChannelInterceptor interceptor) {
        Objects.requireNonNull(interceptor, "interceptor");
        List<ChannelInterceptor> copy = new ArrayList<>(List.of(interceptors));
        copy.add(index, interceptor);
        interceptors = copy.toArray(ChannelInterceptor[]::new);
    }

    @Override
    public synchronized boolean removeInterceptor(ChannelInterceptor interceptor) {
        List<ChannelInterceptor> copy = new ArrayList<>(List.of(interceptors));
        boolean removed = copy.remove(interceptor);
        interceptors = copy.isEmpty() ? NO_INTERCEPTORS : copy.toArray(ChannelInterceptor[]::new);
        return removed;
    }

    @Override
    public List<ChannelInterceptor> getInterceptors() {
        return List.of(interceptors);
    }

    @Override
    public void enableStatistics() {
        counting = counters;
    }

    @Override
    public void disableStatistics() {
        counting = null;
    }

    @Override
    public boolean isStatisticsEnabled() {
        return counting != null;
    }

    @Override
    public long sendCount() {
        return counters.sends();
    }

    @Override
    public long sendErrorCount() {
        return counters.failures();
    }

    @Override
    public void resetStatistics() {
        counters.reset();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}

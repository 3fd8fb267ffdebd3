package dev.junction.impl.interceptor;

import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.expression.ExpressionSelector;
import dev.junction.impl.support.ChannelResolver;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * The Wire Tap pattern: sends every message passing through the intercepted channel to a tap channel as well,
 * without changing the original flow (the original message continues, unaltered).
 *
 * <p>The tap runs in {@code preSend}, in the sender's thread: whether the tapped flow is synchronous depends on the
 * tap channel's type, as everywhere else (a queue or executor channel hands the message off; a direct channel runs
 * the tap's subscriber before the original send continues, inside the same transaction). Consequences:
 * <ul>
 * <li>An exception thrown while sending to the tap channel (a failing direct subscriber, an unresolvable channel
 *     name) propagates: the tap is part of the send, and the original send fails before reaching its channel.</li>
 * <li>A tap channel that does not accept the message in time (a full queue) is logged at WARNING and the original
 *     send continues. By default the tap waits as long as the tap channel needs, like any send; set
 *     {@link Builder#timeout(Duration)} so that a full tap channel cannot hold up the main flow
 *     ({@link Duration#ZERO}: drop at once when full).</li>
 * <li>A message is tapped before its own channel accepts it, so a message refused later is still tapped.</li>
 * </ul>
 *
 * <p>A wire tap never taps its own tap channel: as a global interceptor it {@linkplain #shouldIntercept vetoes}
 * that channel, and should it be added there anyway it lets the channel's messages pass untapped, so a tap can
 * never recurse. A stopped tap lets messages pass untapped. Thread-safe.
 */
public final class WireTap implements VetoCapableInterceptor {

    private static final System.Logger LOG = System.getLogger(WireTap.class.getName());

    private final String targetName;
    private final ChannelResolver resolver;
    /** The tap channel; for a tap built from a name, resolved on first use (a benign race: same result). */
    private volatile MessageChannel target;
    private final MessageSelector selector;
    private final Duration timeout;
    private volatile boolean running = true;

    private WireTap(Builder builder) {
        this.target = builder.channel;
        this.targetName = builder.channel != null ? builder.channel.getName() : builder.channelName;
        this.resolver = builder.resolver;
        this.selector = builder.selector;
        this.timeout = builder.timeout;
    }

    /** A tap sending every message to the channel. */
    public WireTap(MessageChannel channel) {
        this(to(channel));
    }

    /** A tap sending the messages the selector accepts to the channel. */
    public WireTap(MessageChannel channel, MessageSelector selector) {
        this(to(channel).selector(selector));
    }

    /** A tap sending every message to the named channel, resolved through the resolver on first use. */
    public WireTap(String channelName, ChannelResolver resolver) {
        this(to(channelName, resolver));
    }

    /** @return a builder for a tap to the channel */
    static Builder to(MessageChannel channel) {
        return new Builder(Objects.requireNonNull(channel, "channel"), null, null);
    }

    /**
     * @return a builder for a tap to the named channel, resolved through the resolver when the first message is
     *         tapped (so the tap channel may be created after the tap)
     */
    public static Builder to(String channelName, ChannelResolver resolver) {
        return new Builder(null, Objects.requireNonNull(channelName, "channelName"), Objects.requireNonNull(resolver, "resolver"));
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!running) {
            return message;
        }
        MessageChannel tapChannel = target(message);
        if (isTapChannel(channel, tapChannel) || (selector != null && !selector.accept(message))) {
            return message;
        }
        boolean sent = timeout == null ? tapChannel.send(message) : tapChannel.send(message, timeout);
        if (!sent) {
            LOG.log(Level.WARNING, () -> "Wire tap channel '" + targetName + "' did not accept " + message
                    + (timeout == null ? "" : " within " + timeout) + "; the original send to '" + channel.getName()
                    + "' continues without the tap");
        }
        return message;
    }

    /** Refuses the tap channel itself, by name and, once known, by identity. */
    @Override
    public boolean shouldIntercept(String channelName, InterceptableChannel channel) {
        MessageChannel known = target;
        return !(targetName.equals(channelName) || channel == known);
    }

    private static boolean isTapChannel(MessageChannel channel, MessageChannel tapChannel) {
        return channel == tapChannel || channel.getName().equals(tapChannel.getName());
    }

    private MessageChannel target(Message<?> message) {
        MessageChannel resolved = target;
        if (resolved == null) {
            resolved = resolve(message);
            target = resolved;
        }
        return resolved;
    }

    private MessageChannel resolve(Message<?> message) {
        MessageChannel resolved;
        try {
            resolved = resolver.resolve(targetName);
        } catch (DestinationResolutionException unresolvable) {
            throw new DestinationResolutionException(message,
                    "Wire tap cannot resolve its channel '" + targetName + "': " + unresolvable.getMessage(), unresolvable);
        }
        if (resolved == null) {
            throw new DestinationResolutionException(message, "Wire tap cannot resolve its channel '" + targetName
                    + "': the resolver returned nothing");
        }
        return resolved;
    }

    /** Resumes tapping (a new tap is running). */
    void start() {
        running = true;
    }

    /** Stops tapping: messages pass untapped until {@link #start()}. */
    void stop() {
        running = false;
    }

    /** @return whether messages are being tapped */
    boolean isRunning() {
        return running;
    }

    /** @return the name of the tap channel */
    String getChannelName() {
        return targetName;
    }

    @Override
    public String toString() {
        return "WireTap[to '" + targetName + "'" + (selector == null ? "" : ", " + selector) + "]";
    }

    /** Builds a {@link WireTap}. */
    public static final class Builder {
        private final MessageChannel channel;
        private final String channelName;
        private final ChannelResolver resolver;
        private MessageSelector selector;
        private Duration timeout;

        private Builder(MessageChannel channel, String channelName, ChannelResolver resolver) {
            this.channel = channel;
            this.channelName = channelName;
            this.resolver = resolver;
        }

        /** Taps only the messages the selector accepts (replaces any selector set before). */
        Builder selector(MessageSelector selector) {
            this.selector = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /**
         * Taps only the messages for which the boolean expression is true, e.g. {@code headers['audit'] == true}
         * (replaces any selector set before). An expression that does not say where it is used is named as this
         * tap's selector in its failures.
         */
        Builder selector(Expression expression) {
            return selector(new ExpressionSelector(expression.getPlace() != null ? expression
                    : expression.usedIn(selectorPlace())));
        }

        /**
         * Taps only the messages for which the boolean expression, parsed by the standard parser (no named beans),
         * is true, e.g. {@code payload > 10}.
         *
         * @throws dev.junction.impl.expression.ExpressionParseException when the text is not a valid expression
         */
        public Builder selectorExpression(String expressionText) {
            return selector(ExpressionParser.standard().parse(expressionText, selectorPlace()));
        }

        private String selectorPlace() {
            return "the selector of the wire tap to '" + (channel != null ? channel.getName() : channelName) + "'";
        }

        /**
         * The longest time to wait for the tap channel to accept a message (default: as long as it takes);
         * {@link Duration#ZERO} does not wait. A message not accepted in time is not tapped and a warning is logged.
         */
        Builder timeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException("JNC-0108 A wire tap's timeout must not be negative, was " + timeout
                        + "; Duration.ZERO does not wait");
            }
            this.timeout = timeout;
            return this;
        }

        /** @return the wire tap, running */
        public WireTap build() {
            return new WireTap(this);
        }
    }
}

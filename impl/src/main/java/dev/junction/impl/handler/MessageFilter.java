package dev.junction.impl.handler;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.impl.advice.AdviceChain;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A filter: passes the messages the selector accepts on unchanged; a rejected message goes to the discard
 * channel when there is one, makes the filter throw a {@link MessageRejectedException} when
 * {@code throwOnRejection} is set (both may apply: discard first, then throw), and is otherwise dropped with a
 * DEBUG log entry.
 *
 * <p>With an advice chain, the discard (and the rejection exception) happens inside the advices by default, so that a
 * failure downstream of the discard channel is retried, for example; with {@code discardWithinAdvice(false)} the
 * advices cover the selector's decision only and the discard follows them. A {@code null} result of the advices
 * (an expression advice trapping the selector's failure) then counts as a rejection.
 */
public final class MessageFilter extends AbstractReplyProducingHandler {

    private static final System.Logger LOG = System.getLogger(MessageFilter.class.getName());

    private final MessageSelector selector;
    private final MessageChannel discardChannel;
    private final boolean throwOnRejection;
    private final boolean discardWithinAdvice;

    public MessageFilter(MessageSelector selector, MessageChannel discardChannel, boolean throwOnRejection,
            ReplyProducerSettings settings) {
        super(settings);
        this.selector = Objects.requireNonNull(selector, "selector");
        this.discardChannel = discardChannel;
        this.throwOnRejection = throwOnRejection;
        this.discardWithinAdvice = settings.discardWithinAdvice();
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        if (selector.accept(request)) {
            return request;
        }
        return reject(request);
    }

    @Override
    protected Object handleAdvised(Message<?> request, AdviceChain chain) {
        if (discardWithinAdvice) {
            return super.handleAdvised(request, chain);
        }
        Object passed = chain.invoke(request, message -> selector.accept(message) ? message : null);
        return passed != null ? passed : reject(request);
    }

    private Object reject(Message<?> request) {
        if (discardChannel != null && !discardChannel.send(request)) {
            throw new MessageDeliveryException(request, getComponentName() + " could not send a rejected message to its"
                    + " discard channel '" + discardChannel.getName() + "'");
        }
        if (throwOnRejection) {
            throw new MessageRejectedException(request, getComponentName() + " rejected the message");
        }
        if (discardChannel == null) {
            LOG.log(Level.DEBUG, () -> getComponentName() + " dropped " + request);
        }
        return null;
    }
}

package dev.junction.impl.delayer;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.scheduling.ExecutorTaskScheduler;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import dev.junction.impl.support.ChannelResolver;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds a delayer from its spec, checking every setting first and reporting every problem together. */
public final class Delayers {

    /** The code of advising a delay step, which the flow builder refuses where advice() is written. */
    public static final String ADVISED_CODE = "JNC-0929";

    private Delayers() {
    }

    /**
     * What a delayer takes from the runtime it is part of.
     *
     * @param id                 the delayer's endpoint id
     * @param named              whether the application named it ({@code id()}), rather than the flow numbering it
     * @param outputChannel      where released messages go; {@code null}: their reply channel
     * @param channels           resolves reply channel names
     * @param declaredChannel    finds a declared channel by name (the error channel)
     * @param parser             parses the delay expression
     * @param runtimeScheduler   the runtime's scheduler, unless the spec names an executor
     * @param runtimeTransactions the runtime's transaction manager, unless the spec names one; may be {@code null}
     * @param containerReleases  how the container wants releases run, when the runtime's transaction manager
     *                           applies; {@code null} outside a container
     * @param onClose            takes what to release when the runtime closes
     */
    public record Context(String id, boolean named, MessageChannel outputChannel, ChannelResolver channels,
            Function<String, Optional<MessageChannel>> declaredChannel, ExpressionParser parser,
            TaskScheduler runtimeScheduler, TransactionManager runtimeTransactions,
            ContainerReleases containerReleases, Consumer<Runnable> onClose) {
    }

    /** The checked settings of one delayer. */
    record Settings(String id, MessageGroupStore store, boolean storeJoinsTransactions, Expression delayExpression,
            Duration defaultDelay, boolean ignoreExpressionFailures, TaskScheduler scheduler,
            MessageChannel outputChannel, ChannelResolver channels, MessageChannel errorChannel,
            TransactionManager transactionManager, ContainerReleases containerReleases, Duration retryDelay,
            Duration maxRetryDelay) {
    }

    /**
     * @return the delayer's handler; its releases endpoint is {@link #releases(DelayHandler)}
     * @throws ConfigurationException listing every problem of the spec, each with its code and the delayer's id
     */
    public static DelayHandler handler(DelayerSpec spec, Context context) {
        List<String> problems = new ArrayList<>();
        String delayer = "Delayer '" + context.id() + "': ";
        if (spec.getDefaultDelay().isNegative()) {
            problems.add(DelayerRule.NEGATIVE_DEFAULT_DELAY.problem(delayer + "the default delay " + spec
                    .getDefaultDelay() + " is negative; give zero (messages go on at once) or a positive duration"));
        }
        Expression expression = null;
        if (spec.getDelayExpression() != null) {
            try {
                expression = context.parser().parse(spec.getDelayExpression(), "delayer '" + context.id() + "'");
            } catch (ExpressionParseException invalid) {
                problems.add(DelayerRule.INVALID_EXPRESSION.problem(delayer + "the delay expression '"
                        + spec.getDelayExpression() + "' is not valid (" + invalid.getMessage() + "); write a Jakarta"
                        + " EL expression over payload and headers, such as headers['delay']"));
            }
        }
        if (spec.getRetryDelay().isNegative() || spec.getRetryDelay().isZero() || spec.getMaxRetryDelay().compareTo(spec.getRetryDelay()) < 0) {
            problems.add(DelayerRule.INVALID_RETRY_BACK_OFF.problem(delayer + "retryBackOff(" + spec.getRetryDelay()
                    + ", " + spec.getMaxRetryDelay() + ") is invalid; the first pause must be positive and the"
                    + " longest at least as long"));
        }
        if (spec.getMessageStore() != null && !context.named()) {
            problems.add(DelayerRule.STORE_WITHOUT_ID.problem(delayer + "it keeps its messages in a store of its own,"
                    + " in the group its id names, and that id is the flow's numbering of its steps, which changes"
                    + " when a step is added; name it with id(\"...\") right after delay(...)"));
        }
        MessageChannel errorChannel = null;
        if (spec.getErrorChannel() != null) {
            errorChannel = context.declaredChannel().apply(spec.getErrorChannel()).orElse(null);
            if (errorChannel == null) {
                problems.add(DelayerRule.UNKNOWN_ERROR_CHANNEL.problem(delayer + "the error channel '"
                        + spec.getErrorChannel() + "' is not declared; register it or start a flow from it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        MessageGroupStore store = spec.getMessageStore() != null ? spec.getMessageStore()
                : new InMemoryMessageGroupStore();
        TaskScheduler scheduler = context.runtimeScheduler();
        if (spec.getScheduler() != null) {
            ExecutorTaskScheduler own = new ExecutorTaskScheduler(spec.getScheduler()); // closing it cancels only
            context.onClose().accept(own::close);
            scheduler = own;
        }
        TransactionManager transactions = spec.getTransactionManager() != null ? spec.getTransactionManager()
                : context.runtimeTransactions();
        // a transaction manager of the spec's own is the application's choice: its releases demarcate through it
        ContainerReleases containerReleases = spec.getTransactionManager() == null && transactions != null
                ? context.containerReleases() : null;
        return new DelayHandler(new Settings(context.id(), store, store.isTransactional(),
                expression, spec.getDefaultDelay(), spec.isIgnoreExpressionFailures(), scheduler,
                context.outputChannel(), context.channels(), errorChannel, transactions, containerReleases,
                spec.getRetryDelay(),
                spec.getMaxRetryDelay()));
    }

    /** @return the endpoint releasing the handler's messages, to register with the runtime's endpoints */
    public static DelayedReleases releases(DelayHandler handler) {
        return new DelayedReleases(handler, true);
    }
}

package dev.junction.api.runtime;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.script.Script;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A message flow declared step by step, starting at an input channel: each step is an endpoint consuming what the
 * step before it produced, joined by direct channels the runtime creates; {@link #channel(String)} joins them
 * through a channel of one's own instead. A reply of the last step goes to the channel that ends the flow, or else
 * to the message's reply channel, so a gateway gets it back.
 *
 * <pre>{@code
 * junction.flow("orders").route("payload.hot ? 'hotDrinks' : 'coldDrinks'").id("drinkRouter");
 * junction.flow("hotDrinks").poll(PollerSpec.fixedDelay(Duration.ofMillis(10)))
 *         .handle(new Barista("hot")).id("hotBarista");
 * }</pre>
 *
 * <p><b>Endpoint ids.</b> {@link #id(String)} names the endpoint the step before it made; an endpoint not named gets
 * {@code <input channel>.<kind>#<n>} ({@code orders.transform#1}), <i>n</i> counting the flow's steps.
 *
 * <p><b>Errors.</b> A step checks its arguments when it is called; the method, expression, channel and poller
 * problems of every flow are collected and reported together, each with its code, in one
 * {@link dev.junction.api.error.ConfigurationException} from {@link Junction#start()} — before any message flows.
 *
 * <p><b>Services and expressions.</b> A service's method is the one its name gives, else its one public method
 * annotated {@code @ServiceActivator} (for {@code handle}), else its one public method; parameters map as for
 * annotated endpoints ({@code @Header}, {@code @Payload}, the payload converted). Where a step takes a
 * {@code String}, it is a Jakarta EL expression over the message ({@code payload}, {@code headers}). A function or
 * predicate receives the payload; a payload of another type than it expects fails that message, not the flow.
 *
 * <p>A flow is declared by one thread, before the runtime starts; not thread-safe.
 */
public interface Flow {

    /**
     * Names the endpoint the previous step made.
     *
     * @throws IllegalStateException when no step precedes it, or it was already named
     */
    Flow id(String endpointId);

    /**
     * Advises the endpoint the previous step made: the advices wrap its own handling of each message, the first
     * outermost, and never the steps after it (the reply leaves the endpoint after the advices returned).
     *
     * <pre>{@code
     * junction.flow("quotes").handle(new RatesClient()).id("rates")
     *         .advice(Advices.retry().maxAttempts(4).build(), breaker)
     *         .handle(new Pricing());
     * }</pre>
     *
     * @throws IllegalStateException JNC-1012 when no step precedes it, or the step already has advices; JNC-1013 when
     *         the step is a router or a channel bridge, whose handling is sending to the next channels
     */
    Flow advice(HandlerAdvice... chain);

    /**
     * Says where the filter the previous step made discards, when it has advices: {@code true} (the default, as for
     * {@code @Filter}) sends a rejected message to the discard channel, or throws on rejection, inside the advices,
     * so a retry runs the filter again when the discard flow fails; {@code false} lets the advices cover the filter's
     * decision only, and discards after them (a {@code null} result of the advices then counts as a rejection).
     *
     * <pre>{@code
     * junction.flow("orders").filter("payload.paid", "unpaid").advice(retry).discardWithinAdvice(false);
     * }</pre>
     *
     * @throws IllegalStateException JNC-1014 when the previous step is no filter, or it was already said
     */
    Flow discardWithinAdvice(boolean within);

    /**
     * Makes the next step poll its input, which must be a pollable channel (a queue), with this poller instead of
     * the runtime's default poller.
     */
    Flow poll(PollerSpec poller);

    /**
     * A service activator invoking the service's {@code @ServiceActivator} method, or its one public method. A
     * service that is a {@link dev.junction.api.handler.MessageHandler} is handed each message as it is; one that
     * produces replies (such as the TCP outbound gateway) sends them to the next step, or at the end of the flow to
     * the message's reply channel.
     */
    Flow handle(Object service);

    /** A service activator invoking the named method of the service. */
    Flow handle(Object service, String methodName);

    /** A service activator whose reply is the expression's value ({@code payload * 2}); {@code null}: no reply. */
    Flow handle(String expression);

    /** A service activator applying the function to the payload; a {@code null} result sends no reply. */
    <P> Flow handle(Function<P, ?> function);

    /** A service activator whose reply is the script's value; {@code null}: no reply. */
    Flow handle(Script script);

    /**
     * A control bus with every default: it executes each message as a command ({@code @barista.stop()}, or the
     * header form of {@link dev.junction.api.management.ControlBusCommand}) on the runtime's endpoints (by id) and
     * channels (by name), and replies with the operation's result; see {@link #controlBus(ControlBusSpec)}.
     */
    Flow controlBus();

    /**
     * A control bus: a service activator executing each message as a command on a managed component -- a component
     * of the spec, else an endpoint by id, else a channel by name -- invoking only methods marked
     * {@link dev.junction.api.management.ManagedOperation}. The reply is the operation's result; a {@code void}
     * operation replies {@code true} once it has returned when the reply has somewhere to go (the sender waits for
     * it, or a step or channel follows), so a caller waiting for a reply gets one. A refused
     * command fails with a {@link dev.junction.api.management.CommandRefusedException} ({@code JNC-1060} to
     * {@code JNC-1064}); nothing is invoked then. Keep its input channel away from those who may not manage.
     */
    Flow controlBus(ControlBusSpec spec);

    /** A transformer: the next step gets what the service's one public method (or the named one) returns. */
    Flow transform(Object service, String methodName);

    /** A transformer: the next step gets the expression's value as its payload. */
    Flow transform(String expression);

    /** A transformer: the next step gets the function's result as its payload; it must not return {@code null}. */
    <P, R> Flow transform(Function<P, R> function);

    /** A transformer: the next step gets the script's value as its payload. */
    Flow transform(Script script);

    /** A filter passing on the messages for which the expression is true and dropping the others. */
    Flow filter(String expression);

    /** A filter passing on the messages for which the expression is true, the others to the discard channel. */
    Flow filter(String expression, String discardChannel);

    /** A filter passing on the messages whose payload the predicate accepts and dropping the others. */
    <P> Flow filter(Predicate<P> predicate);

    /** A filter passing on the messages for which the script returns {@code true} and dropping the others. */
    Flow filter(Script script);

    /**
     * A router sending each message to the channels the expression names ({@code headers['region']}); it ends
     * the flow. A name no channel has fails that message with a {@code DestinationResolutionException}.
     */
    Flow route(String expression);

    /** A router whose expression's values are keys of the mapping, each naming a channel; it ends the flow. */
    Flow route(String expression, Map<String, String> channelsByKey);

    /** A router sending each message to the channels (or channel names) the script returns; it ends the flow. */
    Flow route(Script script);

    /** A router sending each message to the channel (or channel name) the function returns; it ends the flow. */
    <P> Flow route(Function<P, ?> function);

    /**
     * Joins the previous step to the next through the named channel (declared with {@link Junction#register}, or
     * created as a direct channel); at the start of a flow, bridges the input to it; at its end, the last step's
     * replies go there.
     */
    Flow channel(String name);

    /** As {@link #channel(String)}, registering the channel first when the runtime does not know it yet. */
    Flow channel(MessageChannel channel);

    /** Sends a copy of every message passing this point to the named channel, too. */
    Flow wireTap(String channelName);

    // --- the delayer ---------------------------------------------------------------------------------------------

    /**
     * A delayer holding every message for {@code delay} before it goes on: {@code delay(DelayerSpec.withDefaultDelay(
     * delay))}.
     */
    Flow delay(Duration delay);

    /**
     * A delayer: each message waits in the spec's message group store until its release time, then goes on to the
     * next step (at the end of the flow, to the message's reply channel) on a scheduler thread. A message whose delay
     * is zero or less goes on at once, on the caller's thread.
     *
     * <pre>{@code
     * junction.flow("orders")
     *         .delay(DelayerSpec.withDefaultDelay(Duration.ofMinutes(5)).delayExpression("headers['delay']")
     *                 .messageStore(stores.messageGroupStore()))
     *         .id("cooling")
     *         .handle(kitchen);
     * }</pre>
     *
     * <p>The delayer is two endpoints: {@code <id>} consumes the input and stores the messages; {@code <id>.releases}
     * schedules their releases and starts after every other endpoint, so that messages kept in a persistent store
     * from before a restart are only released into a running flow. The control bus manages the delay handler as
     * {@code @<id>.handler}: {@code getDelayedMessageCount()}, {@code reschedulePersistedMessages()}.
     */
    Flow delay(DelayerSpec spec);

    /** Logs every message passing this point (the payload at INFO, logger {@code dev.junction.logging}). */
    Flow log();

    /**
     * Logs every message passing this point.
     *
     * @param level      the level
     * @param expression what to log ({@code payload.customer}); {@code null} for the payload
     */
    Flow log(Level level, String expression);
}

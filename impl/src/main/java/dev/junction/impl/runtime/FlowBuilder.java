package dev.junction.impl.runtime;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Flow;
import dev.junction.api.script.Script;
import dev.junction.impl.advice.AdviceChain;
import dev.junction.impl.advice.AdviceContext;
import dev.junction.impl.advice.AdvisedHandler;
import dev.junction.impl.delayer.DelayHandler;
import dev.junction.impl.delayer.Delayers;
import dev.junction.impl.controlbus.ControlBus;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.AbstractReplyProducingHandler;
import dev.junction.impl.handler.BridgeHandler;
import dev.junction.impl.handler.MessageFilter;
import dev.junction.impl.handler.MessageProcessor;
import dev.junction.impl.handler.MessageTransformingHandler;
import dev.junction.impl.handler.ServiceActivatingHandler;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.handler.support.RouterSettings;
import dev.junction.impl.interceptor.WireTap;
import dev.junction.impl.scripting.ScriptedProcessor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Records a flow's steps as they are declared and builds them when the runtime starts, once every flow declared
 * its channels: each step becomes an endpoint consuming its input channel, replying to the next step's.
 */
final class FlowBuilder implements Flow {

    private final JunctionRuntime runtime;
    private final String name;
    private final List<Step> steps = new ArrayList<>();
    private final List<Tap> taps = new ArrayList<>();
    /** The channel the next step consumes. */
    private String current;
    private PollerSpec nextPoller;
    private boolean routed;

    FlowBuilder(JunctionRuntime runtime, String inputChannel) {
        this.runtime = runtime;
        this.name = inputChannel;
        this.current = inputChannel;
    }

    // --- steps --------------------------------------------------------------------------------------------------

    @Override
    public Flow id(String endpointId) {
        Objects.requireNonNull(endpointId, "endpointId");
        if (steps.isEmpty()) {
            throw new IllegalStateException(RuntimeRule.ID_WITHOUT_STEP.code() + " Flow '" + name + "': id(\""
                    + endpointId + "\") names the endpoint of the step before it, and there is none; call it right"
                    + " after handle(), transform()...");
        }
        Step last = steps.get(steps.size() - 1);
        if (last.id != null) {
            throw new IllegalStateException(RuntimeRule.STEP_NAMED_TWICE.code() + " Flow '" + name + "': the "
                    + last.kind + " step is already named '" + last.id + "'; name each step once");
        }
        last.id = endpointId;
        return this;
    }

    @Override
    public Flow advice(HandlerAdvice... chain) {
        List<HandlerAdvice> advices = List.of(chain);
        if (steps.isEmpty()) {
            throw new IllegalStateException("JNC-1012 Flow '" + name + "': advice() advises the endpoint of the step"
                    + " before it, and there is none; call it right after handle(), transform() or filter()");
        }
        Step last = steps.get(steps.size() - 1);
        if (!last.advices.isEmpty()) {
            throw new IllegalStateException("JNC-1012 Flow '" + name + "': the " + last.kind + " step already has"
                    + " advices; give them all in one advice() call, outermost first");
        }
        if (last.kind.equals("route") || last.kind.equals("bridge")) {
            throw new IllegalStateException("JNC-1013 Flow '" + name + "': a " + last.kind + " step cannot be"
                    + " advised: its handling is sending to the channels after it, which advices never cover; advise"
                    + " the step before it, or the endpoints after it");
        }
        if (last.kind.equals("delay")) {
            throw new IllegalStateException(Delayers.ADVISED_CODE + " Flow '" + name + "': a delay step cannot be"
                    + " advised: its handling is storing the message, and its releases run later, on the scheduler;"
                    + " advise the step after it, or give the delayer an error channel for failed releases");
        }
        last.advices = advices;
        return this;
    }

    @Override
    public Flow discardWithinAdvice(boolean within) {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last == null || !last.kind.equals("filter")) {
            throw new IllegalStateException("JNC-1014 Flow '" + name + "': discardWithinAdvice() says where the"
                    + " filter before it discards, and " + (last == null ? "there is no step" : "the step before it is"
                    + " a " + last.kind) + "; call it right after filter(...) or its advice(...)");
        }
        if (last.discardWithinAdvice != null) {
            throw new IllegalStateException("JNC-1014 Flow '" + name + "': discardWithinAdvice() was already called"
                    + " for this filter; call it once");
        }
        last.discardWithinAdvice = within;
        return this;
    }

    @Override
    public Flow controlBus() {
        return controlBus(new ControlBusSpec());
    }

    @Override
    public Flow controlBus(ControlBusSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return step("controlBus", settings -> {
            ControlBus bus;
            try {
                bus = ControlBus.of(runtime, spec, runtime.roleCheck(), settings.outputChannel() != null);
            } catch (IllegalArgumentException invalid) {
                throw new CodedProblem(invalid.getMessage());
            }
            return new ServiceActivatingHandler(bus::execute, settings);
        });
    }

    @Override
    public Flow poll(PollerSpec poller) {
        Objects.requireNonNull(poller, "poller");
        requireOpen("poll");
        if (nextPoller != null) {
            throw new IllegalStateException(RuntimeRule.POLL_TWICE.code() + " Flow '" + name + "': poll() was called"
                    + " twice before a step; a poller belongs to the step after it");
        }
        nextPoller = poller;
        return this;
    }

    @Override
    public Flow handle(Object service) {
        if (service instanceof MessageHandler handler) {
            return step("handle", settings -> joined(handler, settings));
        }
        return handle(service, null);
    }

    @Override
    public Flow handle(Object service, String methodName) {
        Objects.requireNonNull(service, "service");
        return step("handle", settings -> runtime.handlers().serviceActivator(service, methodName, settings));
    }

    @Override
    public Flow handle(String expression) {
        Objects.requireNonNull(expression, "expression");
        return step("handle", settings -> runtime.handlers().serviceActivator(expression, settings));
    }

    @Override
    public <P> Flow handle(Function<P, ?> function) {
        Objects.requireNonNull(function, "function");
        return step("handle", settings -> new ServiceActivatingHandler(onPayload(function, settings), settings));
    }

    @Override
    public Flow handle(Script script) {
        Objects.requireNonNull(script, "script");
        return step("handle", settings -> new ServiceActivatingHandler(scripted(script, settings), settings));
    }

    @Override
    public Flow transform(Script script) {
        Objects.requireNonNull(script, "script");
        return step("transform", settings -> new MessageTransformingHandler(scripted(script, settings), settings));
    }

    @Override
    public Flow filter(Script script) {
        Objects.requireNonNull(script, "script");
        return step("filter", settings -> {
            MessageProcessor<Object> test = scripted(script, settings);
            return new MessageFilter(message -> Boolean.TRUE.equals(test.process(message)), null, false, settings);
        });
    }

    @Override
    public Flow route(Script script) {
        Objects.requireNonNull(script, "script");
        step("route", settings -> runtime.handlers().router(scripted(script, settings),
                routerSettings(settings, Map.of())));
        routed = true;
        return this;
    }

    @Override
    public Flow transform(Object service, String methodName) {
        Objects.requireNonNull(service, "service");
        return step("transform", settings -> runtime.handlers().transformer(service, methodName, settings));
    }

    @Override
    public Flow transform(String expression) {
        Objects.requireNonNull(expression, "expression");
        return step("transform", settings -> runtime.handlers().transformer(expression, settings));
    }

    @Override
    public <P, R> Flow transform(Function<P, R> function) {
        Objects.requireNonNull(function, "function");
        return step("transform", settings -> new MessageTransformingHandler(onPayload(function, settings),
                settings));
    }

    @Override
    public Flow filter(String expression) {
        Objects.requireNonNull(expression, "expression");
        return step("filter", settings -> runtime.handlers().filter(expression, null, false, settings));
    }

    @Override
    public Flow filter(String expression, String discardChannel) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(discardChannel, "discardChannel");
        return step("filter", settings -> runtime.handlers().filter(expression, declared(discardChannel,
                "discard channel"), false, settings));
    }

    @Override
    public <P> Flow filter(Predicate<P> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return step("filter", settings -> {
            MessageProcessor<Object> test = onPayload((P payload) -> predicate.test(payload), settings);
            return new MessageFilter(message -> Boolean.TRUE.equals(test.process(message)), null, false, settings);
        });
    }

    @Override
    public Flow route(String expression) {
        return route(expression, Map.of());
    }

    @Override
    public Flow route(String expression, Map<String, String> channelsByKey) {
        Objects.requireNonNull(expression, "expression");
        Map<String, String> mapping = Map.copyOf(channelsByKey);
        step("route", settings -> runtime.handlers().router(expression, routerSettings(settings, mapping)));
        routed = true;
        return this;
    }

    @Override
    public <P> Flow route(Function<P, ?> function) {
        Objects.requireNonNull(function, "function");
        step("route", settings -> runtime.handlers().router(onPayload(function, settings),
                routerSettings(settings, Map.of())));
        routed = true;
        return this;
    }

    @Override
    public Flow channel(String channelName) {
        Objects.requireNonNull(channelName, "channelName");
        requireOpen("channel");
        runtime.channels().getOrCreateDirect(channelName); // gateways and other flows may name it before start
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last == null || last.output != null || nextPoller != null) {
            // nothing to join yet (or already joined): a bridge carries the messages over
            step("bridge", BridgeHandler::new);
            last = steps.get(steps.size() - 1);
        }
        last.output = channelName;
        current = channelName;
        return this;
    }

    @Override
    public Flow channel(MessageChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (runtime.channels().find(channel.getName()).orElse(null) != channel) {
            runtime.register(channel);
        }
        return channel(channel.getName());
    }

    @Override
    public Flow wireTap(String channelName) {
        Objects.requireNonNull(channelName, "channelName");
        requireOpen("wireTap");
        taps.add(new Tap(joiningChannel(), channelName));
        return this;
    }

    @Override
    public Flow log() {
        return log(Level.INFO, null);
    }

    @Override
    public Flow log(Level level, String expression) {
        Objects.requireNonNull(level, "level");
        requireOpen("log");
        String channel = joiningChannel();
        // parsed now, so a bad expression surfaces with the other problems of the flow
        MessageHandler logger = runtime.handlers().logging(level, null, expression, false);
        taps.add(new Tap(channel, logger));
        return this;
    }

    // --- the delayer ---------------------------------------------------------------------------------------------

    @Override
    public Flow delay(Duration delay) {
        return delay(DelayerSpec.withDefaultDelay(Objects.requireNonNull(delay, "delay")));
    }

    @Override
    public Flow delay(DelayerSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Step[] self = new Step[1]; // the step is known once step() made it; its id once id() named it
        step("delay", settings -> {
            DelayHandler handler = Delayers.handler(spec, new Delayers.Context(settings.componentName(),
                    self[0].id != null, settings.outputChannel(), runtime.channels(), runtime.channels()::find,
                    runtime.expressionParser(), runtime.scheduler(), runtime.transactionManager().orElse(null),
                    runtime.containerReleases().orElse(null),
                    runtime::onClose));
            // releases start after every consumer: messages kept from before a restart go into a running flow
            runtime.endpoints().register(Delayers.releases(handler));
            return handler;
        });
        self[0] = steps.get(steps.size() - 1);
        return this;
    }

    // --- building -----------------------------------------------------------------------------------------------

    /**
     * Builds the endpoints and taps, adding every problem found to {@code problems}.
     *
     * @param claimedIds the endpoint ids the flows built so far claimed, failed steps included
     */
    void build(List<String> problems, Set<String> claimedIds) {
        if (steps.isEmpty()) {
            problems.add(RuntimeRule.EMPTY_FLOW.problem("the flow from '" + name + "' declares no step"
                    + (nextPoller == null ? "" : ", only a poller") + "; add one (handle, transform, filter, route,"
                    + " channel) or remove the flow"));
            return;
        }
        if (nextPoller != null) {
            problems.add(RuntimeRule.INVALID_POLLER.problem("the flow from '" + name + "' ends with poll(); a"
                    + " poller belongs to the step after it: add that step or remove poll()"));
        }
        Step last = steps.get(steps.size() - 1);
        if (last.output != null && last.outputImplicit) {
            // the flow ends at a tap: the messages go on to the caller waiting for a reply, if any
            step("reply", settings -> new ServiceActivatingHandler(
                    message -> message.getHeaders().getReplyChannel() == null ? null : message, settings));
        }
        for (int i = 0; i < steps.size(); i++) {
            buildStep(steps.get(i), i + 1, problems, claimedIds);
        }
        for (Tap tap : taps) {
            tap.build(problems);
        }
    }

    private void buildStep(Step step, int index, List<String> problems, Set<String> claimedIds) {
        String id = step.id != null ? step.id : name + "." + step.kind + "#" + index;
        String where = "flow '" + name + "', step " + index + " (" + step.kind + ", endpoint '" + id + "')";
        if (!claimedIds.add(id) || runtime.endpoints().endpoint(id).isPresent()) {
            problems.add(RuntimeRule.DUPLICATE_ENDPOINT_ID.problem(where + ": another endpoint has the id '" + id
                    + "'; give this step another id()"));
            return;
        }
        MessageChannel input = runtime.channels().getOrCreateDirect(step.input);
        PollerMetadata poller = null;
        if (step.poller != null) {
            try {
                poller = step.poller.build();
            } catch (IllegalStateException invalid) {
                problems.add(RuntimeRule.INVALID_POLLER.problem(where + ": " + invalid.getMessage()));
                return;
            }
        }
        if (input instanceof SubscribableChannel && poller != null) {
            problems.add(RuntimeRule.POLLER_MISMATCH.problem(where + " polls '" + step.input + "', a subscribable"
                    + " channel that pushes its messages; remove poll() or register '" + step.input + "' as a queue"));
            return;
        }
        if (input instanceof PollableChannel && poller == null && runtime.endpoints().getDefaultPoller().isEmpty()) {
            problems.add(RuntimeRule.POLLER_MISMATCH.problem(where + " consumes '" + step.input + "', a pollable"
                    + " channel, without a poller; add poll(...) before the step or give the runtime a default"
                    + " poller"));
            return;
        }
        ReplyProducerSettings settings = ReplyProducerSettings.named(id).resolver(runtime.channels());
        if (step.output != null) {
            settings.outputChannel(runtime.channels().getOrCreateDirect(step.output));
        }
        if (step.discardWithinAdvice != null) {
            settings.discardWithinAdvice(step.discardWithinAdvice);
        }
        MessageHandler handler;
        try {
            settings.adviceChain(AdviceChain.of(step.advices, new AdviceContext(id, runtime.channels(),
                    runtime.expressionParser())));
        } catch (IllegalStateException invalid) {
            problems.add(invalid.getMessage() + " (" + where + ")");
            return;
        }
        try {
            handler = step.handler.create(settings);
        } catch (UnknownChannel unknown) {
            problems.add(RuntimeRule.UNKNOWN_CHANNEL.problem(where + ": " + unknown.getMessage()));
            return;
        } catch (ConfigurationException invalid) { // coded problems of the step's own (a delayer's)
            invalid.getProblems().forEach(problem -> problems.add(problem + " (" + where + ")"));
            return;
        } catch (CodedProblem coded) {
            problems.add(coded.getMessage() + " (" + where + ")");
            return;
        } catch (RuntimeException invalid) {
            problems.add(RuntimeRule.INVALID_STEP.problem(where + ": " + withRootCause(invalid)));
            return;
        }
        try {
            runtime.endpoints().consumer(id, input, handler, poller, true);
        } catch (IllegalStateException refused) { // e.g. a transactional poller and no transaction manager
            String reason = refused.getMessage();
            problems.add(reason.startsWith("JNC-") ? reason + " (" + where + ")"
                    : RuntimeRule.INVALID_STEP.problem(where + ": " + reason));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /**
     * The failure's message and, when it wraps others, the innermost one's: what went wrong is often only there (a CDI
     * container's "unable to invoke" around the lookup that failed while creating a bean the step uses), and the
     * deployment report is all the user sees.
     */
    private static String withRootCause(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage()
                : failure.getMessage() + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }

    private Flow step(String kind, HandlerFactory handler) {
        requireOpen(kind);
        Step previous = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (previous != null && previous.output == null) {
            previous.output = implicitChannel();
            previous.outputImplicit = true;
            current = previous.output;
        }
        steps.add(new Step(kind, current, nextPoller, handler));
        nextPoller = null;
        return this;
    }

    /** @return the channel between the last step and the next, created now if the last step has none yet */
    private String joiningChannel() {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.output == null) {
            last.output = implicitChannel();
            last.outputImplicit = true;
            current = last.output;
        }
        return current;
    }

    private String implicitChannel() {
        String channel = name + "#" + steps.size();
        runtime.channels().getOrCreateDirect(channel);
        return channel;
    }

    private void requireOpen(String what) {
        if (routed) {
            throw new IllegalStateException(RuntimeRule.STEP_AFTER_ROUTE.code() + " Flow '" + name + "' ended with"
                    + " route(); " + what + "() cannot follow it: the router sends to the channels it names, so start"
                    + " a flow from each of them");
        }
    }

    private MessageChannel declared(String channelName, String role) {
        return runtime.channels().find(channelName).orElseThrow(() -> new UnknownChannel("the " + role + " '"
                + channelName + "' is not declared; register it or start a flow from it"));
    }

    private RouterSettings routerSettings(ReplyProducerSettings settings, Map<String, String> mapping) {
        return RouterSettings.named(settings.componentName()).resolver(runtime.channels()).channelMapping(mapping);
    }

    /**
     * A handler given as it is: one that produces replies (built by an integration module on impl's base) replies
     * to the step's output channel, or at the end of the flow to the request's reply channel.
     */
    private MessageHandler joined(MessageHandler handler, ReplyProducerSettings settings) {
        if (handler instanceof AbstractReplyProducingHandler replying) {
            replying.joinFlow(settings.outputChannel(), runtime.channels());
            replying.adviseWith(settings.adviceChain());
            return handler;
        }
        return AdvisedHandler.wrap(handler, settings.adviceChain());
    }

    /**
     * A processor applying a function to the payload; a payload of a type the function does not take fails that
     * message, naming the endpoint.
     */
    @SuppressWarnings("unchecked")
    private static <P> MessageProcessor<Object> onPayload(Function<P, ?> function, ReplyProducerSettings settings) {
        String endpoint = settings.componentName();
        return message -> {
            P payload;
            try {
                payload = (P) message.getPayload();
                return function.apply(payload);
            } catch (ClassCastException wrongType) {
                throw new MessageHandlingException(message, "Endpoint '" + endpoint + "' cannot apply its function"
                        + " to a payload of type " + message.getPayload().getClass().getName() + ": " + wrongType
                        .getMessage() + "; convert the payload first (transform) or route it elsewhere", wrongType);
            }
        };
    }

    /** A script compiled now, when the flows are built, so a broken one is reported with the flow's problems. */
    private ScriptedProcessor scripted(Script script, ReplyProducerSettings settings) {
        return ScriptedProcessor.create(script, runtime.expressionParser(), settings.componentName());
    }

    /** Builds a step's handler once its endpoint id and output channel are known. */
    @FunctionalInterface
    private interface HandlerFactory {
        MessageHandler create(ReplyProducerSettings settings);
    }

    private static final class Step {
        final String kind;
        final String input;
        final PollerSpec poller;
        final HandlerFactory handler;
        String id;
        String output;
        boolean outputImplicit;
        List<HandlerAdvice> advices = List.of();
        /** For a filter: where it discards; {@code null} for the default. */
        Boolean discardWithinAdvice;

        Step(String kind, String input, PollerSpec poller, HandlerFactory handler) {
            this.kind = kind;
            this.input = input;
            this.poller = poller;
            this.handler = handler;
        }
    }

    /** A copy of every message sent to a channel, to another channel or to a logger. */
    private final class Tap {
        final String channel;
        final String target;
        final MessageHandler logger;

        Tap(String channel, String target) {
            this.channel = channel;
            this.target = target;
            this.logger = null;
        }

        Tap(String channel, MessageHandler logger) {
            this.channel = channel;
            this.target = null;
            this.logger = logger;
        }

        void build(List<String> problems) {
            MessageChannel tapped = runtime.channels().getOrCreateDirect(channel);
            if (!(tapped instanceof InterceptableChannel interceptable)) {
                problems.add(RuntimeRule.INVALID_STEP.problem("flow '" + name + "': channel '" + channel + "' cannot"
                        + " be tapped: it takes no interceptors"));
                return;
            }
            if (logger != null) {
                interceptable.addInterceptor(new LoggingTap(logger));
                return;
            }
            if (runtime.channels().find(target).isEmpty()) {
                problems.add(RuntimeRule.UNKNOWN_CHANNEL.problem("flow '" + name + "': the wire tap channel '" + target
                        + "' is not declared; register it or start a flow from it"));
                return;
            }
            interceptable.addInterceptor(new WireTap(target, runtime.channels()));
        }
    }

    /** A problem of a step whose message already starts with its code. */
    private static final class CodedProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CodedProblem(String message) {
            super(message);
        }
    }

    /** A channel named by a step that nobody declared. */
    private static final class UnknownChannel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownChannel(String message) {
            super(message);
        }
    }
}

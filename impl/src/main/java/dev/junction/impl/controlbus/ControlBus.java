package dev.junction.impl.controlbus;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.management.ControlBusCommand;
import dev.junction.api.management.ControlBusSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.controlbus.ManagedOperations.Operation;
import dev.junction.impl.endpoint.ConsumerEndpoint;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Executes command messages on the runtime's managed components: the service of a control bus step
 * ({@code junction.flow("controlBus").controlBus(spec)}), usable as a plain service too. The reply is the
 * operation's result. A {@code void} operation replies {@link Boolean#TRUE} once it has returned when the reply has
 * somewhere to go -- the command's sender waits for it (a reply channel header: a gateway), or the control bus step
 * has an output channel -- so a caller waiting for a reply is not left to time out, and a command sent and
 * forgotten needs no reply channel. An operation returning {@code null} produces no reply, as any service.
 *
 * <p>A command is either text, {@code @hotBarista.stop()} or {@code @poller.setPeriod(500)} (literal arguments
 * only), or a message with the {@link #COMPONENT_HEADER} and {@link #OPERATION_HEADER} headers and its arguments
 * as a {@code List} in {@link #ARGUMENTS_HEADER}. The components are those registered with the builder, by name,
 * else the runtime's endpoints, by id, else the handlers of its consumer endpoints, by {@code <id>.handler} (a
 * delayer's), else its channels, by name. Only their methods marked
 * {@link dev.junction.api.management.ManagedOperation} are invoked; everything else is refused with a
 * {@link CommandRefusedException} whose message starts with its code: not a command ({@code JNC-1060}: expression
 * language, {@code System.exit(0)}, anything but the form above), an unknown component ({@code JNC-1061}), an
 * operation not managed ({@code JNC-1062}: {@code getClass()} and any unmarked method), arguments that do not fit
 * ({@code JNC-1063}), a caller without one of the operation's roles ({@code JNC-1064}).
 *
 * <p>Roles: an operation lists its allowed roles in its mark, or the builder overrides them per operation; the
 * builder's role check answers whether the caller has a role (under CDI, the container's security context). An
 * operation that needs a role is refused when no role check is configured.
 *
 * <p>Thread-safe; immutable once built.
 */
public final class ControlBus {

    /** The header naming the component of a command in the header form. */
    public static final String COMPONENT_HEADER = ControlBusCommand.COMPONENT_HEADER;
    /** The header naming the operation of a command in the header form. */
    public static final String OPERATION_HEADER = ControlBusCommand.OPERATION_HEADER;
    /** The header carrying the arguments of a command in the header form: a {@code List}, or absent for none. */
    public static final String ARGUMENTS_HEADER = ControlBusCommand.ARGUMENTS_HEADER;

    /** Names the handler of the consumer endpoint whose id precedes it: {@code @cooling.handler.operation()}. */
    private static final String HANDLER_SUFFIX = ".handler";

    private final Junction junction;
    private final Map<String, Object> components;
    private final Map<String, List<String>> roleOverrides;
    private final Predicate<String> callerInRole;
    private final boolean repliesGoOn;

    private ControlBus(Builder builder) {
        this.repliesGoOn = builder.repliesGoOn;
        this.junction = builder.junction;
        this.components = Map.copyOf(builder.components);
        this.roleOverrides = Map.copyOf(builder.roleOverrides);
        this.callerInRole = builder.callerInRole;
    }

    /** @return a builder of a control bus over the runtime's endpoints and channels */
    public static Builder builder(Junction junction) {
        return new Builder(junction);
    }

    /**
     * @param defaultRoleCheck the runtime's role check, used when the spec has none; {@code null}: none
     * @param repliesGoOn      whether the replies go on to an output channel (see {@link Builder#repliesGoOn})
     * @return the control bus the spec describes
     * @throws IllegalArgumentException ({@code JNC-1065}) when a component has no managed operation
     */
    public static ControlBus of(Junction junction, ControlBusSpec spec, Predicate<String> defaultRoleCheck,
            boolean repliesGoOn) {
        Builder builder = builder(junction).repliesGoOn(repliesGoOn);
        spec.getComponents().forEach(builder::component);
        spec.getRolesAllowed().forEach((operation, roles) -> builder.roleOverrides.put(operation, roles));
        spec.getRoleCheck().or(() -> Optional.ofNullable(defaultRoleCheck)).ifPresent(builder::roleCheck);
        return builder.build();
    }

    /**
     * Executes a command.
     *
     * @return the operation's result
     * @throws CommandRefusedException when the command is refused
     * @throws MessageHandlingException when the operation itself fails
     */
    @ServiceActivator
    public Object execute(Message<?> command) {
        Command parsed = parse(command);
        Object component = component(parsed.component()).orElseThrow(() -> refused(command,
                ControlBusRule.UNKNOWN_COMPONENT, "no managed component is named '" + parsed.component() + "'; name"
                        + " an endpoint id, a channel or a component registered with the control bus"));
        List<Operation> named = ManagedOperations.of(component.getClass()).stream()
                .filter(operation -> operation.method().getName().equals(parsed.operation())).toList();
        if (named.isEmpty()) {
            throw refused(command, ControlBusRule.NOT_MANAGED, "'" + parsed.operation() + "' is not a managed"
                    + " operation of '" + parsed.component() + "'; its managed operations are "
                    + signatures(component));
        }
        for (Operation operation : named) {
            Object[] arguments = ManagedOperations.convert(operation.method(), parsed.arguments());
            if (arguments != null) {
                requireRole(command, parsed, operation);
                Object result = invoke(command, parsed, component, operation, arguments);
                if (operation.method().getReturnType() != void.class) {
                    return result;
                }
                return repliesGoOn || command.getHeaders().getReplyChannel() != null ? Boolean.TRUE : null;
            }
        }
        throw refused(command, ControlBusRule.ARGUMENTS_MISMATCH, "the arguments " + parsed.arguments() + " fit no"
                + " managed operation '" + parsed.operation() + "' of '" + parsed.component() + "'; it takes "
                + named.stream().map(Operation::signature).collect(Collectors.joining(" or ")));
    }

    private Command parse(Message<?> command) {
        Object operation = command.getHeaders().get(OPERATION_HEADER);
        if (operation != null) {
            Object component = command.getHeaders().get(COMPONENT_HEADER);
            Object arguments = command.getHeaders().get(ARGUMENTS_HEADER);
            if (!(component instanceof String name) || !(operation instanceof String op)
                    || !(arguments == null || arguments instanceof List)) {
                throw refused(command, ControlBusRule.NOT_A_COMMAND, "a command in the header form has a String "
                        + COMPONENT_HEADER + ", a String " + OPERATION_HEADER + " and, optionally, a List "
                        + ARGUMENTS_HEADER);
            }
            return new Command(name, op, arguments == null ? List.of()
                    : Collections.unmodifiableList(new ArrayList<>((List<?>) arguments)));
        }
        Command parsed = command.getPayload() instanceof String text ? Command.parse(text) : null;
        if (parsed == null) {
            throw refused(command, ControlBusRule.NOT_A_COMMAND, "'" + command.getPayload() + "' is not a command;"
                    + " write @component.operation(arguments) with literal arguments (numbers, 'strings', true,"
                    + " false, null), or use the header form; nothing else is evaluated");
        }
        return parsed;
    }

    private Optional<Object> component(String name) {
        Object registered = components.get(name);
        if (registered != null) {
            return Optional.of(registered);
        }
        Optional<Object> endpoint = junction.endpoint(name).map(Object.class::cast);
        if (endpoint.isPresent()) {
            return endpoint;
        }
        if (name.endsWith(HANDLER_SUFFIX)) {
            // <id>.handler: the handler of a consumer endpoint, whose own operations (a delayer's) are managed
            Optional<Object> handler = junction.endpoint(name.substring(0, name.length() - HANDLER_SUFFIX.length()))
                    .filter(ConsumerEndpoint.class::isInstance)
                    .map(consumer -> ((ConsumerEndpoint) consumer).getHandler());
            if (handler.isPresent()) {
                return handler;
            }
        }
        try {
            return Optional.of(junction.channel(name));
        } catch (DestinationResolutionException noChannel) {
            return Optional.empty();
        }
    }

    private void requireRole(Message<?> command, Command parsed, Operation operation) {
        List<String> roles = roleOverrides.getOrDefault(parsed.component() + "." + parsed.operation(),
                Arrays.asList(operation.mark().rolesAllowed()));
        if (roles.isEmpty()) {
            return;
        }
        if (callerInRole == null) {
            throw refused(command, ControlBusRule.ROLE_REQUIRED, "'" + parsed.component() + "." + parsed.operation()
                    + "' requires one of the roles " + roles + ", and this control bus has no role check; give its"
                    + " builder roleCheck(...)");
        }
        if (roles.stream().noneMatch(callerInRole)) {
            throw refused(command, ControlBusRule.ROLE_REQUIRED, "the caller has none of the roles " + roles
                    + " that '" + parsed.component() + "." + parsed.operation() + "' requires");
        }
    }

    private static Object invoke(Message<?> command, Command parsed, Object component, Operation operation,
            Object[] arguments) {
        try {
            return operation.method().invoke(component, arguments);
        } catch (InvocationTargetException failed) {
            throw new MessageHandlingException(command, "The control bus operation '" + parsed.component() + "."
                    + operation.signature() + "' failed: " + failed.getCause(), failed.getCause());
        } catch (IllegalAccessException inaccessible) {
            throw new MessageHandlingException(command, "The control bus cannot invoke '" + parsed.component() + "."
                    + operation.signature() + "': " + inaccessible.getMessage(), inaccessible);
        }
    }

    private static String signatures(Object component) {
        return ManagedOperations.of(component.getClass()).stream().map(Operation::signature).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static CommandRefusedException refused(Message<?> command, ControlBusRule rule, String what) {
        return new CommandRefusedException(command, rule.problem("Control bus command refused: " + what));
    }

    @Override
    public String toString() {
        return "ControlBus" + components.keySet();
    }

    /** Builds a control bus: extra components, per-operation roles, the role check. */
    public static final class Builder {
        private final Junction junction;
        private final Map<String, Object> components = new LinkedHashMap<>();
        private final Map<String, List<String>> roleOverrides = new HashMap<>();
        private Predicate<String> callerInRole;
        private boolean repliesGoOn;

        private Builder(Junction junction) {
            this.junction = Objects.requireNonNull(junction, "junction");
        }

        /**
         * Makes a component manageable by name (a trigger, a connection factory...): its operations marked
         * {@link dev.junction.api.management.ManagedOperation} become callable.
         *
         * @throws IllegalArgumentException ({@code JNC-1065}) when the name is taken or the component has no
         *         managed operation
         */
        public Builder component(String name, Object component) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(component, "component");
            if (components.containsKey(name)) {
                throw new IllegalArgumentException(ControlBusRule.INVALID_COMPONENT.problem("a component is already"
                        + " named '" + name + "'; give each component its own name"));
            }
            if (ManagedOperations.of(component.getClass()).isEmpty()) {
                throw new IllegalArgumentException(ControlBusRule.INVALID_COMPONENT.problem("component '" + name
                        + "' (" + component.getClass().getName() + ") has no method marked @ManagedOperation;"
                        + " mark the operations the control bus may invoke"));
            }
            components.put(name, component);
            return this;
        }

        /**
         * Sets the roles allowed to invoke one operation (all its overloads), instead of those of its mark; none:
         * anyone.
         */
        public Builder rolesAllowed(String component, String operation, String... roles) {
            roleOverrides.put(Objects.requireNonNull(component, "component") + "."
                    + Objects.requireNonNull(operation, "operation"), List.of(roles));
            return this;
        }

        /** @param callerInRole answers whether the caller of the current command has a role */
        public Builder roleCheck(Predicate<String> callerInRole) {
            this.callerInRole = Objects.requireNonNull(callerInRole, "callerInRole");
            return this;
        }

        /**
         * @param goOn whether the control bus's replies go on to an output channel: then every {@code void}
         *             operation replies {@code true}; otherwise (the default) only to a command whose sender waits
         */
        public Builder repliesGoOn(boolean goOn) {
            this.repliesGoOn = goOn;
            return this;
        }

        public ControlBus build() {
            return new ControlBus(this);
        }
    }
}

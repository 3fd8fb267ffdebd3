package dev.junction.api.management;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The settings of a control bus step ({@code Flow.controlBus(spec)}): the components it manages beyond the runtime's
 * endpoints and channels, the roles of single operations, and how it asks whether the caller has a role. Every
 * setting has a default: no extra component, each operation's roles as its {@link ManagedOperation} mark lists them,
 * and the runtime's role check ({@code Junction.Builder.roleCheck}; under CDI in a server, the container's caller).
 *
 * <pre>{@code
 * junction.flow("controlBus").controlBus(new ControlBusSpec()
 *         .component("kitchenPoller", kitchenPoller)
 *         .rolesAllowed("barista", "stop", "operator"));
 * }</pre>
 *
 * <p>Declared by one thread, before the runtime starts; not thread-safe.
 */
public final class ControlBusSpec {

    private final Map<String, Object> components = new LinkedHashMap<>();
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    private Predicate<String> roleCheck;

    /**
     * Makes a component manageable by name (a trigger, a circuit breaker, any object of the application): its
     * operations marked {@link ManagedOperation} become callable. A component without a marked method fails the
     * start ({@code JNC-1065}) with the flow's other problems.
     *
     * @throws IllegalArgumentException ({@code JNC-1065}) when another component has the name
     */
    public ControlBusSpec component(String name, Object component) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(component, "component");
        if (components.containsKey(name)) {
            throw new IllegalArgumentException("JNC-1065 a component is already named '" + name + "'; give each"
                    + " component of the control bus its own name");
        }
        components.put(name, component);
        return this;
    }

    /**
     * Sets the roles allowed to invoke one operation (all its overloads) of a component, an endpoint or a channel,
     * instead of those of its mark; no roles: anyone who may send to the control bus.
     */
    public ControlBusSpec rolesAllowed(String component, String operation, String... roles) {
        this.roles.put(Objects.requireNonNull(component, "component") + "." + Objects.requireNonNull(operation,
                "operation"), List.of(roles));
        return this;
    }

    /**
     * Answers whether the caller of the current command has a role, instead of the runtime's role check. An
     * operation that needs a role is refused ({@code JNC-1064}) when neither is there.
     */
    public ControlBusSpec roleCheck(Predicate<String> callerInRole) {
        this.roleCheck = Objects.requireNonNull(callerInRole, "callerInRole");
        return this;
    }

    /** @return the components by name, in the order given */
    public Map<String, Object> getComponents() {
        return Collections.unmodifiableMap(components);
    }

    /** @return the overridden roles, by {@code component.operation} */
    public Map<String, List<String>> getRolesAllowed() {
        return Collections.unmodifiableMap(roles);
    }

    /** @return the role check of this control bus, empty for the runtime's */
    public Optional<Predicate<String>> getRoleCheck() {
        return Optional.ofNullable(roleCheck);
    }
}

package dev.junction.impl.gateway;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a gateway while it is inspected, so that every problem is reported at once. */
final class Problems {

    private final List<String> entries = new ArrayList<>();

    /** Reports a problem of one method. */
    void add(Method method, GatewayRule rule, String detail) {
        add(Methods.label(method), rule, detail);
    }

    /** Reports a problem of something other than a method, e.g. {@code "the gateway's defaults"}. */
    void add(String where, GatewayRule rule, String detail) {
        entries.add(rule.code() + " " + where + ": " + detail + " [rule: " + rule.rule() + "]");
    }

    int count() {
        return entries.size();
    }

    /** @throws InvalidGatewayException listing every problem, when there is at least one */
    void throwIfAny(Class<?> gatewayInterface) {
        if (!entries.isEmpty()) {
            throw new InvalidGatewayException(gatewayInterface.getName(), entries);
        }
    }
}

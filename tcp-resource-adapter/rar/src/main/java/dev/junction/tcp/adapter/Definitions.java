package dev.junction.tcp.adapter;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ConnectionFactoryDefinitions;
import jakarta.resource.spi.InvalidPropertyException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code @ConnectionFactoryDefinition}s of an application class and, in Java SE, makes the connection
 * definition one of them declares, as a server would: a {@link TcpManagedConnectionFactory} whose JavaBean
 * properties are set from the annotation's {@code name=value} properties. A value's {@code ${property}} or {@code
 * ${property:default}} is replaced by that system property, as WildFly's connector does.
 */
final class Definitions {

    private Definitions() {
    }

    /**
     * @param name the definition's name, or {@code null} for the class's only one
     * @return the definition
     * @throws dev.junction.api.error.ConfigurationException {@code JNC-1110} when the class carries none by that name,
     *         or several and no name was given
     */
    static ConnectionFactoryDefinition find(Class<?> type, String name) {
        List<ConnectionFactoryDefinition> all = new ArrayList<>(
                Arrays.asList(type.getAnnotationsByType(ConnectionFactoryDefinition.class)));
        Optional.ofNullable(type.getAnnotation(ConnectionFactoryDefinitions.class))
                .ifPresent(several -> all.addAll(List.of(several.value())));
        List<ConnectionFactoryDefinition> matching = all.stream()
                .filter(definition -> name == null || definition.name().equals(name)).distinct().toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String names = all.stream().map(ConnectionFactoryDefinition::name).distinct().toList().toString();
        throw AdapterConnections.problem(AdapterRule.NO_DEFINITION, type.getName() + (matching.isEmpty()
                ? " carries no @ConnectionFactoryDefinition" + (name == null ? "" : " named " + name)
                : " carries several @ConnectionFactoryDefinitions " + names + "; name the one the gateway uses")
                + (matching.isEmpty() && !all.isEmpty() ? " (it carries " + names + ")" : ""));
    }

    /**
     * @return an unconfigured-by-server connection definition with the annotation's properties, validated
     * @throws dev.junction.api.error.ConfigurationException {@code JNC-1111} when the definition names another
     *         interface, a property is malformed or unknown, a placeholder has no value, or a value is invalid
     */
    static TcpManagedConnectionFactory unmanaged(ConnectionFactoryDefinition definition) {
        String where = "@ConnectionFactoryDefinition " + definition.name();
        if (!TcpClientConnectionFactory.class.getName().equals(definition.interfaceName())) {
            throw AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where + " names the interface "
                    + definition.interfaceName() + "; write interfaceName = \""
                    + TcpClientConnectionFactory.class.getName() + "\"");
        }
        TcpManagedConnectionFactory factory = new TcpManagedConnectionFactory();
        for (String property : definition.properties()) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where + " has the property \""
                        + property + "\", which is not name=value");
            }
            String key = property.substring(0, equals).trim();
            String value = resolve(property.substring(equals + 1).trim(), where, key);
            set(factory, key, value, where);
        }
        try {
            factory.validate();
        } catch (InvalidPropertyException invalid) {
            throw AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where + ": " + invalid.getMessage());
        }
        return factory;
    }

    /**
     * @return the value of the definition's property, its system properties replaced, for describing a definition a
     *         server makes; {@code otherwise} when it has none or a system property is not set here
     */
    static String described(ConnectionFactoryDefinition definition, String key, String otherwise) {
        for (String property : definition.properties()) {
            int equals = property.indexOf('=');
            if (equals > 0 && property.substring(0, equals).trim().equals(key)) {
                String value = resolvedOrNull(property.substring(equals + 1).trim());
                return value != null ? value : otherwise;
            }
        }
        return otherwise;
    }

    /**
     * Replaces each {@code ${property}} or {@code ${property:default}} by the system property's value.
     *
     * @throws dev.junction.api.error.ConfigurationException {@code JNC-1111} when a system property is not set
     */
    private static String resolve(String value, String where, String key) {
        String resolved = resolvedOrNull(value);
        if (resolved == null) {
            throw AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where + " property " + key + " = "
                    + value + " refers to a system property that is not set; set it, or write a default:"
                    + " ${name:value}");
        }
        return resolved;
    }

    /** @return the value with its system properties replaced, or {@code null} when one of them is not set */
    private static String resolvedOrNull(String value) {
        StringBuilder resolved = new StringBuilder();
        int from = 0;
        for (int start = value.indexOf("${"); start >= 0; start = value.indexOf("${", from)) {
            int end = value.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String reference = value.substring(start + 2, end);
            int colon = reference.indexOf(':');
            String property = colon < 0 ? reference : reference.substring(0, colon);
            String replacement = System.getProperty(property, colon < 0 ? null : reference.substring(colon + 1));
            if (replacement == null) {
                return null;
            }
            resolved.append(value, from, start).append(replacement);
            from = end + 1;
        }
        return resolved.append(value.substring(from)).toString();
    }

    /** Sets a JavaBean property the way a server does, converting the text to the setter's type. */
    private static void set(TcpManagedConnectionFactory factory, String key, String value, String where) {
        String setter = "set" + key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
        Method method = Arrays.stream(TcpManagedConnectionFactory.class.getMethods())
                .filter(candidate -> candidate.getName().equals(setter) && candidate.getParameterCount() == 1)
                .filter(candidate -> !candidate.getName().equals("setLogWriter")
                        && !candidate.getName().equals("setResourceAdapter"))
                .findFirst().orElseThrow(() -> AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where
                        + " sets the property " + key + ", which TcpManagedConnectionFactory does not have (host,"
                        + " port, serializer, replyTimeout, cacheSize, maxMessageSize, soTimeout, connectTimeout,"
                        + " sendTimeout, tcpNoDelay, keepAlive)"));
        Class<?> type = method.getParameterTypes()[0];
        Object converted;
        try {
            converted = type == Integer.class ? Integer.valueOf(value)
                    : type == Long.class ? Long.valueOf(value)
                    : type == Boolean.class ? Boolean.valueOf(value)
                    : value;
        } catch (NumberFormatException notANumber) {
            throw AdapterConnections.problem(AdapterRule.INVALID_DEFINITION, where + " property " + key + " is "
                    + value + ", not a whole number");
        }
        try {
            method.invoke(factory, converted);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("Cannot set " + key + " on " + factory, impossible);
        }
    }
}

package dev.junction.jaxrs.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute URI with {@code {name}} variables, expanded per request with each value percent-encoded as one URI
 * component: a value can never add a path segment, a query parameter or another host. Immutable.
 */
final class UriTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String text;
    /** Literal parts and variable names, alternating; starts and ends with a literal (maybe empty). */
    private final List<String> literals;
    private final List<String> variables;

    private UriTemplate(String text, List<String> literals, List<String> variables) {
        this.text = text;
        this.literals = literals;
        this.variables = variables;
    }

    /**
     * @return the template
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static UriTemplate parse(String text) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(text);
        int from = 0;
        while (variable.find()) {
            literals.add(text.substring(from, variable.start()));
            variables.add(variable.group(1));
            from = variable.end();
        }
        literals.add(text.substring(from));
        for (String literal : literals) {
            if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
                throw new IllegalArgumentException("'" + text + "' has a brace that does not enclose a variable name"
                        + " (letters, digits and '_')");
            }
        }
        URI sample;
        try {
            sample = URI.create(VARIABLE.matcher(text).replaceAll("x"));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("'" + text + "' is not a URI: " + invalid.getMessage());
        }
        if (!"http".equalsIgnoreCase(sample.getScheme()) && !"https".equalsIgnoreCase(sample.getScheme())
                || sample.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http:// or https:// URI with a host");
        }
        if (!text.startsWith(sample.getScheme() + "://" + sample.getRawAuthority())
                || VARIABLE.matcher(sample.getRawAuthority()).find()) {
            throw new IllegalArgumentException("'" + text + "' has a variable in its scheme or host");
        }
        return new UriTemplate(text, List.copyOf(literals), List.copyOf(variables));
    }

    /** @return the variable names, each once, in order of appearance */
    Set<String> variables() {
        return new LinkedHashSet<>(variables);
    }

    /** @param values a value for every variable; {@code null} becomes the empty string */
    URI expand(Map<String, ?> values) {
        StringBuilder uri = new StringBuilder(text.length() + 16 * variables.size());
        for (int i = 0; i < variables.size(); i++) {
            uri.append(literals.get(i));
            Object value = values.get(variables.get(i));
            uri.append(encode(value == null ? "" : value.toString()));
        }
        uri.append(literals.get(literals.size() - 1));
        return URI.create(uri.toString());
    }

    /** Percent-encodes everything but the unreserved characters (RFC 3986), so a space is {@code %20}. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~")
                .replace("*", "%2A");
    }

    @Override
    public String toString() {
        return text;
    }
}

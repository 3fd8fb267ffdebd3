package dev.junction.jaxrs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path template as Jakarta REST writes them: literal text and variables, {@code {id}} for one path segment or
 * {@code {path: .+}} for a regular expression of one's own, e.g. {@code /orders/{id}/lines/{line: \d+}}. A trailing
 * slash is ignored on both sides. Matching works on the percent-encoded path, so an encoded {@code %2F} stays inside
 * its segment; the values are decoded afterwards.
 *
 * <p>Templates order from the most to the least specific, as Jakarta REST orders them: more literal characters
 * first, then more variables, then more variables with their own expression.
 */
final class PathTemplate {

    private static final String SEGMENT = "[^/]+";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    /** Most specific first. */
    static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((PathTemplate template) -> template.literalCharacters)
            .thenComparingInt(template -> template.variables.size())
            .thenComparingInt(template -> template.ownExpressions)
            .reversed();

    private final String text;
    private final String canonical;
    private final Pattern pattern;
    private final List<String> variables;
    private final int literalCharacters;
    private final int ownExpressions;

    private PathTemplate(String text, String canonical, Pattern pattern, List<String> variables,
            int literalCharacters, int ownExpressions) {
        this.text = text;
        this.canonical = canonical;
        this.pattern = pattern;
        this.variables = variables;
        this.literalCharacters = literalCharacters;
        this.ownExpressions = ownExpressions;
    }

    /**
     * @throws IllegalArgumentException describing what is wrong with the template
     */
    static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("the path template '" + template + "' must start with '/'");
        }
        String trimmed = withoutTrailingSlash(template);
        StringBuilder regex = new StringBuilder();
        StringBuilder canonical = new StringBuilder();
        List<String> names = new ArrayList<>();
        int literals = 0;
        int ownExpressions = 0;
        int at = 0;
        while (at < trimmed.length()) {
            char c = trimmed.charAt(at);
            if (c == '}') {
                throw new IllegalArgumentException("the path template '" + template + "' has a '}' without '{'");
            }
            if (c != '{') {
                regex.append(Pattern.quote(String.valueOf(c)));
                canonical.append(c);
                literals++;
                at++;
                continue;
            }
            int end = closingBrace(trimmed, at, template);
            String variable = trimmed.substring(at + 1, end);
            int colon = variable.indexOf(':');
            String name = (colon < 0 ? variable : variable.substring(0, colon)).trim();
            String expression = colon < 0 ? SEGMENT : variable.substring(colon + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the path template '" + template + "' has a variable named '"
                        + name + "'; use letters, digits, '_', '.' and '-'");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("the path template '" + template + "' uses the variable '"
                        + name + "' twice");
            }
            if (expression.isEmpty()) {
                throw new IllegalArgumentException("the variable '" + name + "' of '" + template
                        + "' has an empty expression");
            }
            if (colon >= 0) {
                ownExpressions++;
            }
            // named groups keep the variables apart from groups inside the application's own expressions
            regex.append("(?<v").append(names.size()).append('>').append(expression).append(')');
            canonical.append('{').append(expression).append('}');
            names.add(name);
            at = end + 1;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex + "/?");
        } catch (PatternSyntaxException invalid) {
            throw new IllegalArgumentException("the path template '" + template + "' has an invalid expression: "
                    + invalid.getDescription());
        }
        return new PathTemplate(template, canonical.toString(), compiled, List.copyOf(names), literals,
                ownExpressions);
    }

    private static int closingBrace(String trimmed, int open, String template) {
        int depth = 0;
        for (int at = open; at < trimmed.length(); at++) {
            char c = trimmed.charAt(at);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return at;
            }
        }
        throw new IllegalArgumentException("the path template '" + template + "' has a '{' without '}'");
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * @param encodedPath the request's path below the application's base, percent-encoded, starting with '/'
     * @return the decoded values of the variables by name, when the path matches
     */
    Optional<Map<String, String>> match(String encodedPath) {
        Matcher matcher = pattern.matcher(encodedPath);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (variables.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), decode(matcher.group("v" + i)));
        }
        return Optional.of(Collections.unmodifiableMap(values));
    }

    /** Percent-decoding of a path: unlike a form, a '+' in a path is a plus sign. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded; // a stray '%' is no escape: the application sees what the client sent
        }
    }

    /** @return the template with its variables' names left out: two templates matching alike are equal here */
    String canonical() {
        return canonical;
    }

    @Override
    public String toString() {
        return text;
    }
}

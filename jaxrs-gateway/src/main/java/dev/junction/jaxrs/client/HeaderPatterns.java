package dev.junction.jaxrs.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Header names and prefixes ({@code "X-Trace-*"}), matched without regard to case. Hop-by-hop headers, and those the
 * JDK's client sets itself, never match. Immutable.
 */
final class HeaderPatterns {

    /** Headers of one connection, or that the client computes: a message never sets them. */
    static final Set<String> NEVER = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "proxy-authorization", "proxy-authenticate",
            "proxy-connection");

    private final Set<String> names;
    private final List<String> prefixes;

    private HeaderPatterns(Set<String> names, List<String> prefixes) {
        this.names = Set.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * @param patterns names, or prefixes ending in {@code *}
     * @param owner    names the gateway in problems
     * @param problems receives a problem per bad pattern
     */
    static HeaderPatterns of(List<String> patterns, String owner, List<String> problems) {
        Set<String> names = new TreeSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String pattern : patterns) {
            String lower = pattern.strip().toLowerCase(Locale.ROOT);
            int star = lower.indexOf('*');
            if (lower.isEmpty() || star >= 0 && star != lower.length() - 1) {
                problems.add(OutboundRule.FORBIDDEN_HEADER.problem(owner + ": the header pattern '" + pattern
                        + "' is empty or has a '*' before its end; write a name or a prefix such as 'X-Trace-*'"));
            } else if (NEVER.contains(lower)) {
                problems.add(OutboundRule.FORBIDDEN_HEADER.problem(owner + ": the header '" + pattern
                        + "' belongs to the connection or is set by the client; remove it"));
            } else if (star > 0 || lower.equals("*")) {
                prefixes.add(lower.substring(0, star));
            } else {
                names.add(lower);
            }
        }
        return new HeaderPatterns(names, prefixes);
    }

    boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NEVER.contains(lower) || lower.startsWith("proxy-")) {
            return false;
        }
        if (names.contains(lower)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return names + " " + prefixes.stream().map(prefix -> prefix + "*").toList();
    }
}

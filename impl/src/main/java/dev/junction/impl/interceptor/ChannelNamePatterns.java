package dev.junction.impl.interceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which channels a global interceptor applies to, written as a comma-separated list such as
 * {@code input*, thing2*, thing1, !cat*}.
 *
 * <ul>
 * <li>{@code *} stands for any run of characters, anywhere in a pattern and as often as needed.</li>
 * <li>A leading {@code !} negates a pattern: channels it matches are excluded.</li>
 * <li>{@code \!} at the start stands for a literal {@code !}, for a channel really named {@code !thing1}.</li>
 * <li>Patterns are tried in order and the first one that matches decides; a channel no pattern matches is not
 *     selected. So {@code !thing1, *} selects every channel except {@code thing1}, while {@code *, !thing1}
 *     selects all of them, {@code thing1} included.</li>
 * </ul>
 * Entries are trimmed; empty entries (a trailing comma) are ignored. Immutable and thread-safe.
 */
public final class ChannelNamePatterns {

    /** The pattern list used when none is given: every channel. */
    static final String DEFAULT = "*";

    private static final ChannelNamePatterns ALL = parse(DEFAULT);

    private final List<NamePattern> patterns;

    private ChannelNamePatterns(List<NamePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** @return the patterns matching every channel ({@value #DEFAULT}) */
    static ChannelNamePatterns all() {
        return ALL;
    }

    /**
     * @param patternList comma-separated patterns, e.g. {@code input*, !inputAudit}
     * @throws IllegalArgumentException when the list holds no pattern or a bare {@code !}
     */
    static ChannelNamePatterns parse(String patternList) {
        Objects.requireNonNull(patternList, "patternList");
        return of(patternList.split(","));
    }

    /**
     * @param patterns patterns, each of which may itself be a comma-separated list
     * @throws IllegalArgumentException when no pattern is given or one is a bare {@code !}
     */
    public static ChannelNamePatterns of(String... patterns) {
        List<NamePattern> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            for (String entry : Objects.requireNonNull(pattern, "pattern").split(",")) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    parsed.add(NamePattern.parse(trimmed));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("JNC-0106 No channel name pattern given; use '" + DEFAULT
                    + "' for all channels");
        }
        return new ChannelNamePatterns(parsed);
    }

    /** @return whether the first pattern matching the name is a positive one */
    boolean matches(String channelName) {
        if (channelName == null) {
            return false;
        }
        for (NamePattern pattern : patterns) {
            if (pattern.matches(channelName)) {
                return !pattern.negated();
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelNamePatterns that && patterns.equals(that.patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    /** @return the patterns as a list that {@link #parse(String)} reads back */
    @Override
    public String toString() {
        return patterns.stream().map(NamePattern::toString).collect(Collectors.joining(", "));
    }
}

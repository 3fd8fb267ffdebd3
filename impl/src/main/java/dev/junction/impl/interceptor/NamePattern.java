package dev.junction.impl.interceptor;

/**
 * One entry of a {@link ChannelNamePatterns} list: a name with {@code *} wildcards, possibly negated.
 *
 * @param negated whether a match excludes the channel
 * @param body the name pattern without its negation or escape
 */
record NamePattern(boolean negated, String body) {

    /** @throws IllegalArgumentException when the entry names nothing */
    static NamePattern parse(String entry) {
        if (entry.startsWith("\\!")) {
            return new NamePattern(false, entry.substring(1));
        }
        if (entry.startsWith("!")) {
            String body = entry.substring(1).strip();
            if (body.isEmpty()) {
                throw new IllegalArgumentException("JNC-0107 The pattern '!' negates nothing: name the channels to"
                        + " exclude");
            }
            return new NamePattern(true, body);
        }
        return new NamePattern(false, entry);
    }

    /**
     * Glob matching with {@code *} only: the text before the first star must start the name, the text after the
     * last star must end it, and the pieces between must appear in order in what is left. Taking the leftmost
     * occurrence of each piece is always right when the only wildcard is a star.
     */
    boolean matches(String name) {
        int firstStar = body.indexOf('*');
        if (firstStar < 0) {
            return body.equals(name);
        }
        int lastStar = body.lastIndexOf('*');
        String prefix = body.substring(0, firstStar);
        String suffix = body.substring(lastStar + 1);
        if (name.length() < prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return false;
        }
        int position = prefix.length();
        int end = name.length() - suffix.length();
        int pieceStart = firstStar + 1;
        while (pieceStart <= lastStar) {
            int pieceEnd = body.indexOf('*', pieceStart);
            String piece = body.substring(pieceStart, pieceEnd);
            if (!piece.isEmpty()) {
                int found = name.indexOf(piece, position);
                if (found < 0 || found + piece.length() > end) {
                    return false;
                }
                position = found + piece.length();
            }
            pieceStart = pieceEnd + 1;
        }
        return true;
    }

    @Override
    public String toString() {
        return negated ? "!" + body : body.startsWith("!") ? "\\" + body : body;
    }
}

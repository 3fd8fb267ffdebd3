package dev.junction.impl.expression;

/**
 * Explains the most common evaluation surprise: Jakarta EL's {@code +} only adds numbers, so
 * {@code args[0] + args[1]} on two strings that are no numbers fails with a {@code NumberFormatException} rather
 * than joining them. The hint proposes the expression with EL's string concatenation operator {@code +=} instead.
 */
final class JoinHint {

    private JoinHint() {
    }

    /**
     * @return the hint, starting with a sentence break, when the failure is what {@code +} on a non-numeric string
     *         throws and the expression has a {@code +}; otherwise the empty string
     */
    static String forFailure(String expressionText, Throwable failure) {
        // EL's arithmetic throws an operand's NumberFormatException bare; wrapped in an ELException it comes from
        // a method the expression called, where '+' is not to blame
        if (!(failure instanceof NumberFormatException)) {
            return "";
        }
        String joined = joined(expressionText);
        return joined == null ? "" : ". Jakarta EL's '+' adds numbers; to join strings use '+=' (\"" + joined
                + "\") or concat";
    }

    /** @return the text with every addition operator replaced by {@code +=}, or {@code null} when it has none */
    static String joined(String text) {
        StringBuilder joined = new StringBuilder(text.length() + 8);
        boolean replaced = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            joined.append(c);
            if (quote != 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    joined.append(text.charAt(++i)); // an escaped quote does not end the literal
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '+' && !isConcatenation(text, i) && !isExponentSign(text, i)) {
                joined.append('=');
                replaced = true;
            }
        }
        return replaced ? joined.toString() : null;
    }

    private static boolean isConcatenation(String text, int plus) {
        return plus + 1 < text.length() && text.charAt(plus + 1) == '=';
    }

    /** @return whether the {@code +} is the exponent sign of a floating-point literal such as {@code 1e+3} */
    private static boolean isExponentSign(String text, int plus) {
        int exponent = plus - 1;
        if (exponent < 1 || (text.charAt(exponent) != 'e' && text.charAt(exponent) != 'E')) {
            return false;
        }
        int start = exponent;
        boolean digits = false;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            digits |= Character.isDigit(text.charAt(start - 1));
            start--;
        }
        // digits right after a name are part of the name: in 'size1e+1' the '+' is an operator
        return digits && (start == 0 || !Character.isJavaIdentifierPart(text.charAt(start - 1)));
    }
}

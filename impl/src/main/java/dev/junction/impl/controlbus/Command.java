package dev.junction.impl.controlbus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command: which component, which operation, which arguments. The text form is {@code @component.operation(args)}
 * with literal arguments only -- numbers, quoted strings, {@code true}, {@code false}, {@code null} -- so that
 * nothing in a command is ever evaluated: no expression language, no class names, no nested calls.
 */
record Command(String component, String operation, List<Object> arguments) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*@([A-Za-z_$][\\w$.#\\-]*?)\\.([A-Za-z_$][\\w$]*)\\s*\\((.*)\\)\\s*;?\\s*", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** @return the command, or {@code null} when the text is not a command */
    static Command parse(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            return null;
        }
        List<Object> arguments = arguments(form.group(3).strip());
        return arguments == null ? null : new Command(form.group(1), form.group(2),
                Collections.unmodifiableList(arguments)); // null is a valid argument: no List.copyOf
    }

    /** Splits at commas outside quotes; @return the literals, or {@code null} when one is not a literal */
    private static List<Object> arguments(String text) {
        List<Object> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                Object[] literal = literal(text.substring(start, Math.min(i, text.length())).strip());
                if (literal.length == 0) {
                    return null;
                }
                values.add(literal[0]);
                start = i + 1;
            }
        }
        return quote == 0 ? values : null;
    }

    /** @return the literal's value in a one-element array (it may be null), or an empty array when not a literal */
    private static Object[] literal(String text) {
        Matcher string = STRING.matcher(text);
        if (string.matches()) {
            String body = string.group(1) != null ? string.group(1) : string.group(2);
            return new Object[] {body.replaceAll("\\\\(.)", "$1")};
        }
        if (NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            if (text.contains(".")) {
                return new Object[] {number.doubleValue()};
            }
            try {
                return new Object[] {number.longValueExact()};
            } catch (ArithmeticException tooLarge) {
                return new Object[0];
            }
        }
        return switch (text) {
            case "true" -> new Object[] {Boolean.TRUE};
            case "false" -> new Object[] {Boolean.FALSE};
            case "null" -> new Object[] {null};
            default -> new Object[0];
        };
    }
}

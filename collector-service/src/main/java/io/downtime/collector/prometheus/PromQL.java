package io.downtime.collector.prometheus;

/** Building PromQL safely: every value from outside goes into a query only as an escaped string literal. */
public final class PromQL {

    private PromQL() {
    }

    /** {@code value} as a double-quoted PromQL string literal: backslashes, quotes and line breaks escaped. */
    public static String stringLiteral(String value) {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> literal.append("\\\\");
                case '"' -> literal.append("\\\"");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\x%02x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /**
     * Restricts {@code expression} to the series of one instance without parsing it: joins it with a one-series
     * vector whose {@code instance} label is the escaped name.
     */
    public static String forInstance(String expression, String instance) {
        return "(" + expression + ") and on(instance) label_replace(vector(1), \"instance\", "
                + stringLiteral(instance) + ", \"\", \"\")";
    }
}

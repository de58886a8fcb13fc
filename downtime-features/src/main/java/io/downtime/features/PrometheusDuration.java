package io.downtime.features;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Prometheus notation ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}), the one notation used in
 * REST APIs, configuration and metric labels.
 */
public final class PrometheusDuration {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|[smhdwy]))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[smhdwy])");

    private PrometheusDuration() {
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} naming the text when it is not a positive
     * Prometheus duration.
     */
    public static Duration parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration in Prometheus notation such as 30s, 5m, 1h or 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(unit(part.group(2)).multipliedBy(amount));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too large", e);
        }
        if (total.isZero()) {
            throw new IllegalArgumentException("duration '" + text + "' must be greater than zero");
        }
        return total;
    }

    /** Formats {@code duration} in the shortest Prometheus notation, e.g. {@code 1h30m}. */
    public static String format(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        long millis = duration.toMillis();
        StringBuilder text = new StringBuilder();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis >= sizes[i]) {
                text.append(millis / sizes[i]).append(units[i]);
                millis %= sizes[i];
            }
        }
        return text.toString();
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            case "y" -> Duration.ofDays(365);
            default -> throw new IllegalArgumentException("unknown duration unit " + unit);
        };
    }
}

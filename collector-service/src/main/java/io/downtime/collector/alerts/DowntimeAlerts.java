package io.downtime.collector.alerts;

import io.downtime.collector.alerts.AlertmanagerNotification.Alert;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which alerts declare an outage, and of which instance: alerts with one of the names, matching every label matcher
 * (Prometheus notation: {@code severity="critical"}, {@code env!="test"}, {@code job=~"node|db"}, {@code team!~"qa.*"}),
 * that carry the instance label.
 */
public final class DowntimeAlerts {

    /** This system's own prediction: counting it as an outage would teach the model its own alarms. */
    private static final Set<String> OWN_ALERTS = Set.of("DowntimeRiskHigh");
    private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"(.*)\"\\s*");

    private final Set<String> names;
    private final List<Predicate<Alert>> matchers;
    private final String instanceLabel;

    /**
     * @throws IllegalArgumentException naming the setting, for no names, one of this system's own alerts, or a bad
     *                                  matcher
     */
    public DowntimeAlerts(List<String> names, List<String> matchers, String instanceLabel) {
        if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("collector.alertmanager.alert-names needs at least one alert name");
        }
        names.stream().filter(OWN_ALERTS::contains).findFirst().ifPresent(own -> {
            throw new IllegalArgumentException("collector.alertmanager.alert-names must not contain " + own
                    + ": it is this system's prediction, not an outage, and counting it would teach the model its own"
                    + " alarms");
        });
        if (instanceLabel.isBlank()) {
            throw new IllegalArgumentException("collector.alertmanager.instance-label must name a label");
        }
        this.names = Set.copyOf(names);
        this.matchers = matchers.stream().map(DowntimeAlerts::matcher).toList();
        this.instanceLabel = instanceLabel;
    }

    /** The instance whose outage {@code alert} declares, or empty when it declares none. */
    public Optional<String> instanceOf(Alert alert) {
        if (!names.contains(alert.name()) || !matchers.stream().allMatch(m -> m.test(alert))) {
            return Optional.empty();
        }
        return Optional.ofNullable(alert.labels().get(instanceLabel)).filter(instance -> !instance.isEmpty());
    }

    private static Predicate<Alert> matcher(String text) {
        Matcher parsed = MATCHER.matcher(text);
        if (!parsed.matches()) {
            throw new IllegalArgumentException("collector.alertmanager.matchers: '" + text
                    + "' is not a label matcher such as severity=\"critical\" or job=~\"node|db\"");
        }
        String label = parsed.group(1);
        String value = parsed.group(3);
        return switch (parsed.group(2)) {
            case "=" -> alert -> value.equals(alert.labels().getOrDefault(label, ""));
            case "!=" -> alert -> !value.equals(alert.labels().getOrDefault(label, ""));
            default -> {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("collector.alertmanager.matchers: '" + text
                            + "' has a bad regular expression: " + e.getDescription());
                }
                boolean negated = parsed.group(2).equals("!~");
                yield alert -> pattern.matcher(alert.labels().getOrDefault(label, "")).matches() != negated;
            }
        };
    }
}

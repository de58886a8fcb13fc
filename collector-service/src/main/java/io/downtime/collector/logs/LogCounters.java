package io.downtime.collector.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns log lines into per-instance, per-minute counters (errors, warnings, fatal, and one per configured message
 * pattern), which flow on as signals. Only recent minutes are kept: samples read them as they are taken.
 */
public final class LogCounters {

    /** A named message pattern counted as its own signal, e.g. {@code restart}. */
    public record LogPattern(String name, Pattern regex) {
    }

    private static final long MINUTE = 60_000;

    private final List<LogPattern> patterns;
    private final long retentionMillis;
    private final int maxInstances;
    private final Map<String, NavigableMap<Long, int[]>> byInstance = new HashMap<>();

    /**
     * @param patterns        message patterns, each counted as signal {@code log_<name>}
     * @param retentionMillis how long counts are kept
     * @param maxInstances    most instances tracked at once; lines of further instances are dropped
     */
    public LogCounters(List<LogPattern> patterns, long retentionMillis, int maxInstances) {
        this.patterns = List.copyOf(patterns);
        this.retentionMillis = retentionMillis;
        this.maxInstances = maxInstances;
    }

    /** Signal names of the counters, in the order {@link #perMinute} returns them. */
    public List<String> signals() {
        List<String> names = new ArrayList<>(List.of("log_errors", "log_warnings", "log_fatal"));
        patterns.forEach(p -> names.add("log_" + p.name()));
        return names;
    }

    /** Counts one line; returns false when it was dropped because too many instances are tracked. */
    public synchronized boolean record(LogEvent event) {
        NavigableMap<Long, int[]> minutes = byInstance.get(event.instance());
        if (minutes == null) {
            if (byInstance.size() >= maxInstances) {
                return false;
            }
            minutes = new TreeMap<>();
            byInstance.put(event.instance(), minutes);
        }
        int[] counts = minutes.computeIfAbsent(Math.floorDiv(event.timestamp(), MINUTE), m -> new int[3 + patterns.size()]);
        switch (event.level() == null ? "" : event.level().toLowerCase(Locale.ROOT)) {
            case "error", "err" -> counts[0]++;
            case "warn", "warning" -> counts[1]++;
            case "fatal", "critical", "crit", "alert", "emerg", "emergency", "panic" -> counts[2]++;
            default -> { }
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).regex().matcher(event.message()).find()) {
                counts[3 + i]++;
            }
        }
        return true;
    }

    /**
     * Lines per minute of each counter for {@code instance} over the minutes in {@code [fromMillis, toMillis)}: the
     * interval a sample taken at {@code toMillis} covers.
     */
    public synchronized double[] perMinute(String instance, long fromMillis, long toMillis) {
        double[] rates = new double[3 + patterns.size()];
        NavigableMap<Long, int[]> minutes = byInstance.get(instance);
        double span = Math.max(1, (toMillis - fromMillis) / (double) MINUTE);
        if (minutes != null) {
            for (int[] counts : minutes.subMap(Math.floorDiv(fromMillis, MINUTE), true,
                    Math.floorDiv(toMillis, MINUTE), false).values()) {
                for (int i = 0; i < counts.length; i++) {
                    rates[i] += counts[i] / span;
                }
            }
        }
        return rates;
    }

    /** Drops counts older than the retention before {@code nowMillis}. */
    public synchronized void evict(long nowMillis) {
        long oldest = Math.floorDiv(nowMillis - retentionMillis, MINUTE);
        for (Iterator<NavigableMap<Long, int[]>> it = byInstance.values().iterator(); it.hasNext(); ) {
            NavigableMap<Long, int[]> minutes = it.next();
            minutes.headMap(oldest, false).clear();
            if (minutes.isEmpty()) {
                it.remove();
            }
        }
    }
}

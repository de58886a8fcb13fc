package io.downtime.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as people read them: how long ago ("3 min ago"), and the time of day in UTC, which the pages' script turns
 * into the reader's local time ({@code <time datetime>} keeps the exact instant).
 */
final class HumanTime {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private HumanTime() {
    }

    /** {@code at} relative to {@code now}: "just now", "40 s ago", "3 min ago", "2 h 5 min ago", "3 d ago". */
    static String ago(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        if (age.isNegative()) {
            return "in " + span(age.negated());
        }
        return age.toSeconds() < 1 ? "just now" : span(age) + " ago";
    }

    /** A duration in its two largest units: "40 s", "3 min", "2 h 5 min", "3 d 4 h". */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** The time of day in UTC for today's instants, else date and time: "14:03:05 UTC", "2026-11-30 14:03 UTC". */
    static String clock(Instant at, Instant now) {
        boolean today = Duration.between(at, now).abs().compareTo(Duration.ofHours(20)) < 0;
        return (today ? CLOCK : DATE).format(at) + " UTC";
    }

    /** Both: "14:03:05 UTC (3 min ago)". */
    static String describe(Instant at, Instant now) {
        return clock(at, now) + " (" + ago(at, now) + ")";
    }
}

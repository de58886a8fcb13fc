package io.downtime.collector.logs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogCountersTest {

    private static final long MINUTE = 60_000;
    private final LogCounters counters = new LogCounters(
            List.of(new LogCounters.LogPattern("oom", Pattern.compile("(?i)out of memory"))), 10 * MINUTE, 2);

    private void log(String instance, long time, String level, String message) {
        assertTrue(counters.record(new LogEvent(instance, time, level, message)));
    }

    @Test
    void countsLevelsAndPatternsPerMinuteOverTheIntervalASampleCovers() {
        assertEquals(List.of("log_errors", "log_warnings", "log_fatal", "log_oom"), counters.signals());
        log("a", 0, "ERROR", "Out of memory");
        log("a", 30_000, "err", "x");
        log("a", 59_999, "Warning", "y");
        log("a", 60_000, "critical", "z");
        log("a", 61_000, "info", "OUT OF MEMORY again");
        // The sample at 1 minute covers [0, 1 min): the line at exactly 1 minute belongs to the next.
        assertArrayEquals(new double[]{2, 1, 0, 1}, counters.perMinute("a", 0, MINUTE));
        assertArrayEquals(new double[]{0, 0, 1, 1}, counters.perMinute("a", MINUTE, 2 * MINUTE));
        // Over a 2-minute step the counts are per minute.
        assertArrayEquals(new double[]{1, 0.5, 0.5, 1}, counters.perMinute("a", 0, 2 * MINUTE));
        assertArrayEquals(new double[4], counters.perMinute("unknown", 0, MINUTE));
    }

    @Test
    void oldMinutesAreEvictedAndInstancesBeyondTheLimitDropped() {
        log("a", 0, "error", "m");
        log("b", 20 * MINUTE, "error", "m");
        assertFalse(counters.record(new LogEvent("c", 0, "error", "m")), "a third instance is over the limit");
        counters.evict(20 * MINUTE);
        assertArrayEquals(new double[4], counters.perMinute("a", 0, MINUTE));
        assertTrue(counters.record(new LogEvent("c", 20 * MINUTE, "error", "m")), "a's place is free again");
    }
}

package io.downtime.web.pages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HumanTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T14:03:05Z");

    @Test
    void saysHowLongAgoInItsTwoLargestUnits() {
        assertEquals("just now", HumanTime.ago(NOW, NOW));
        assertEquals("40 s ago", HumanTime.ago(NOW.minusSeconds(40), NOW));
        assertEquals("3 min ago", HumanTime.ago(NOW.minusSeconds(200), NOW));
        assertEquals("2 h 5 min ago", HumanTime.ago(NOW.minus(Duration.ofMinutes(125)), NOW));
        assertEquals("3 d 4 h ago", HumanTime.ago(NOW.minus(Duration.ofHours(76)), NOW));
        assertEquals("in 2 min", HumanTime.ago(NOW.plusSeconds(120), NOW));
    }

    @Test
    void givesTheTimeOfDayForRecentTimesAndTheDateForOlderOnes() {
        assertEquals("13:58:05 UTC (5 min ago)", HumanTime.describe(NOW.minusSeconds(300), NOW));
        assertEquals("2026-11-29 14:03 UTC", HumanTime.clock(NOW.minus(Duration.ofDays(3)), NOW));
    }
}

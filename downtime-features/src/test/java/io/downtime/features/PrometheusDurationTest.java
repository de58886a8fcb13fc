package io.downtime.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusDurationTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "30s,        30000",
            "5m,         300000",
            "1h30m,      5400000",
            "2d,         172800000",
            "100ms,      100",
            "1w,         604800000",
            "1y,         31536000000",
            "1m30s500ms, 90500",
            // a zero part is fine as long as the whole is positive
            "0h5m,       300000"
    })
    void parsesPrometheusNotation(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), PrometheusDuration.parse(text));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "5", "-5m", "0m", "0s0ms", "5 m", " 5m", "1.5h", "5M", "m", "5mm", "P5M"})
    void rejectsWhatIsNotAPositiveDurationNamingTheInput(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PrometheusDuration.parse(text));
        // The input is quoted, so even the empty string is visible in the message.
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @ParameterizedTest(name = "rejects \"{0}\" as too large")
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d"})
    void rejectsDurationsTooLargeToRepresentNamingTheInput(String text) {
        // The first overflows the long amount, the second the Duration it is multiplied into.
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PrometheusDuration.parse(text));
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource({
            "5400000,   1h30m",
            "30000,     30s",
            "100,       100ms",
            "172800000, 2d",
            // weeks are not used when formatting: days are the largest unit
            "604800000, 7d",
            "129600000, 1d12h",
            "90061001,  1d1h1m1s1ms"
    })
    void formatsInTheShortestNotation(long millis, String text) {
        assertEquals(text, PrometheusDuration.format(Duration.ofMillis(millis)));
    }

    @Test
    void formatRejectsZeroAndNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusDuration.format(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> PrometheusDuration.format(Duration.ofMinutes(-5)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"30s", "5m", "1h30m", "2d", "100ms", "1d12h", "1d1h1m1s1ms"})
    void canonicalTextSurvivesParseThenFormat(String text) {
        assertEquals(text, PrometheusDuration.format(PrometheusDuration.parse(text)));
    }

    @Test
    void everyWholeMillisecondDurationSurvivesFormatThenParse() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            // up to about ten years, so every unit from days down to milliseconds occurs
            Duration duration = Duration.ofMillis(1 + random.nextLong(315_360_000_000L));
            assertEquals(duration, PrometheusDuration.parse(PrometheusDuration.format(duration)),
                    () -> "via " + PrometheusDuration.format(duration));
        }
    }
}

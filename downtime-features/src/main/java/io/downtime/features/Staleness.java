package io.downtime.features;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for stale data, wherever it is shown: the newest sample is older than two sample steps (plus a second
 * of slack for a sample on its way), i.e. the instance, or the source behind it, stopped reporting.
 */
public final class Staleness {

    private static final Duration SLACK = Duration.ofSeconds(1);

    private Staleness() {
    }

    public static boolean stale(Instant newestSample, Instant now, Duration step) {
        return newestSample.isBefore(now.minus(step.multipliedBy(2)).minus(SLACK));
    }
}

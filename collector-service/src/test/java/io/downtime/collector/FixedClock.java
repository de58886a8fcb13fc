package io.downtime.collector;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Stops time in service tests, so the simulated history has an exact, known length. */
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-03-02T12:00:30Z");

    @Produces
    @Singleton
    @Mock
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

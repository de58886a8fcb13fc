package io.downtime.collector;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Stops time in service tests, so the simulated history has an exact, known length. A test profile that needs time to
 * pass sets {@value #ENABLED} to false.
 */
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-03-02T12:00:30Z");
    public static final String ENABLED = "test.fixed-clock";

    @Produces
    @Singleton
    @Mock
    Clock clock(@ConfigProperty(name = ENABLED, defaultValue = "true") boolean enabled) {
        return enabled ? Clock.fixed(NOW, ZoneOffset.UTC) : Clock.systemUTC();
    }
}

package io.downtime.problem;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock every service injects (tests replace it with a fixed one); nothing calls {@code Instant.now()}. */
@Singleton
public class WallClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.downtime.predictor.training;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstTrainingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void anOutOfMemoryErrorIsReportedAndRetriedWithAGrowingDelayUntilATrainingSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();
        List<FirstTraining.Status> seenWhileWaiting = new ArrayList<>();
        FirstTraining[] training = new FirstTraining[1];
        training[0] = new FirstTraining(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new OutOfMemoryError("Java heap space");
            }
            return null;
        }, Duration.ofSeconds(3), Duration.ofSeconds(10), wait -> {
            waits.add(wait);
            seenWhileWaiting.add(training[0].status());
        }, CLOCK);

        training[0].run();

        assertEquals(4, calls.get());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(10)), waits,
                "doubling, capped at the maximum");
        FirstTraining.Status first = seenWhileWaiting.get(0);
        assertEquals(1, first.attempts());
        assertEquals("OutOfMemoryError: Java heap space", first.lastFailure());
        assertEquals(CLOCK.instant().plusSeconds(3), first.nextAttempt());
        assertTrue(first.reason().contains("failed 1 time, last: OutOfMemoryError: Java heap space"), first.reason());
        assertTrue(seenWhileWaiting.get(2).reason().contains("failed 3 times"), seenWhileWaiting.get(2).reason());
        FirstTraining.Status done = training[0].status();
        assertTrue(done.done());
        assertNull(done.lastFailure());
        assertEquals(4, done.attempts());
    }

    @Test
    void anAttemptThatCannotStartYetIsRetriedAfterTheFirstDelayWithoutCountingAsAFailure() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        FirstTraining[] training = new FirstTraining[1];
        training[0] = new FirstTraining(() -> calls.incrementAndGet() > 2 ? null : "feature-service does not answer",
                Duration.ofSeconds(3), Duration.ofMinutes(5), wait -> {
            waits.add(wait);
            reasons.add(training[0].status().reason());
        }, CLOCK);

        training[0].run();

        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), waits);
        assertEquals("waiting to train the first model: feature-service does not answer", reasons.get(0));
        assertTrue(training[0].status().done());
        assertEquals(1, training[0].status().attempts(), "only the training that started counts");
        assertEquals("the first model is still training",
                new FirstTraining.Status(1, null, null, false, null).reason());
    }

    @Test
    void aFailureNamesItsRootCause() {
        RuntimeException wrapped = new RuntimeException("training set unreadable",
                new IllegalStateException("row 7 has 3 columns"));
        assertEquals("RuntimeException: training set unreadable (caused by IllegalStateException: row 7 has 3 columns)",
                FirstTraining.describe(wrapped));
    }

    @Test
    void anInterruptStopsTheRetries() {
        FirstTraining training = new FirstTraining(() -> {
            throw new IllegalStateException("no");
        }, Duration.ofSeconds(1), Duration.ofSeconds(1), wait -> {
            throw new InterruptedException();
        }, CLOCK);
        training.run();
        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertEquals(1, training.status().attempts());
        assertThrows(IllegalArgumentException.class,
                () -> new FirstTraining(() -> null, Duration.ZERO, Duration.ofSeconds(1), w -> { }, CLOCK));
    }
}

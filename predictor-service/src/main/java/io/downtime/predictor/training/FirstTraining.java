package io.downtime.predictor.training;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains the first model until it succeeds, loudly: every failed attempt, whatever its cause ({@link OutOfMemoryError}
 * included), is logged with its cause, kept as {@link #status()} for readiness to show, and retried after a delay that
 * doubles from {@code firstDelay} up to {@code maxDelay}. Plain Java, so it is tested without a running service.
 */
public final class FirstTraining implements Runnable {

    private static final Logger LOG = Logger.getLogger(FirstTraining.class);

    /**
     * One attempt: null when a model is served afterwards (trained now, or none was needed); otherwise why it could
     * not start yet (e.g. feature-service does not answer), which is no failure.
     */
    @FunctionalInterface
    public interface Attempt {
        String run() throws Exception;
    }

    /** Waits between attempts; interruptible. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Where the first training is.
     *
     * @param attempts    trainings started so far
     * @param lastFailure why the last training failed; null when none failed
     * @param nextAttempt when the next training starts after a failure; null while one runs or when done
     * @param done        a model is served
     * @param waiting     why no training could start yet; null when one could
     */
    public record Status(int attempts, String lastFailure, Instant nextAttempt, boolean done, String waiting) {

        /** What readiness says while no model is served. */
        public String reason() {
            if (lastFailure == null) {
                return waiting != null ? "waiting to train the first model: " + waiting
                        : "the first model is still training";
            }
            return "the first training failed " + attempts + (attempts == 1 ? " time" : " times") + ", last: "
                    + lastFailure + (nextAttempt == null ? "; retrying now" : "; next attempt at " + nextAttempt);
        }
    }

    private final Attempt attempt;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(0, null, null, false, null));

    public FirstTraining(Attempt attempt, Duration firstDelay, Duration maxDelay, Sleeper sleeper, Clock clock) {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays must be positive and the maximum at least the first: "
                    + firstDelay + ", " + maxDelay);
        }
        this.attempt = attempt;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** The delay after {@code failures} consecutive failures: doubling from the first delay, capped. */
    Duration delayAfter(int failures) {
        Duration delay = firstDelay;
        for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public void run() {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Status before = status.get();
            int attempts = before.attempts() + 1;
            status.set(new Status(attempts, before.lastFailure(), null, false, null));
            try {
                String waiting = attempt.run();
                if (waiting == null) {
                    status.set(new Status(attempts, null, null, true, null));
                    return;
                }
                status.set(new Status(before.attempts(), before.lastFailure(), null, false, waiting));
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                failures++;
                Duration delay = delayAfter(failures);
                String cause = describe(e);
                LOG.errorf(e, "the first training failed (attempt %d): %s; retrying in %d s", attempts, cause,
                        delay.toSeconds());
                status.set(new Status(attempts, cause, clock.instant().plus(delay), false, null));
                if (!pause(delay)) {
                    return;
                }
                continue;
            }
            if (!pause(firstDelay)) {
                return;
            }
        }
    }

    private boolean pause(Duration delay) {
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The failure and its root cause in one line, e.g. {@code OutOfMemoryError: Java heap space}. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text;
    }
}

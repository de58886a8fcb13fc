package io.downtime.problem;

/**
 * An error of a service's domain code, which knows nothing of HTTP: an unknown instance, a dependency that does not
 * answer, a service not ready yet, a conflict with the current state. {@link ProblemMappers} is the one place that
 * turns each kind into its status and an {@code application/problem+json} body; resources stay the only HTTP-aware
 * layer.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The instance (server) is not known, or has no data: 404. */
    public static final class UnknownInstance extends DomainException {
        private final String instance;

        public UnknownInstance(String instance) {
            super("unknown instance '" + instance + "'");
            this.instance = instance;
        }

        public UnknownInstance(String instance, String message) {
            super(message);
            this.instance = instance;
        }

        public String instance() {
            return instance;
        }
    }

    /** Another service (or the metric source) did not answer, or answered with an error: 503 or 502. */
    public static final class DependencyUnavailable extends DomainException {
        private final boolean unreachable;

        /**
         * @param unreachable it could not be reached at all (503); otherwise it answered with an error (502)
         */
        public DependencyUnavailable(String message, boolean unreachable, Throwable cause) {
            super(message, cause);
            this.unreachable = unreachable;
        }

        public boolean unreachable() {
            return unreachable;
        }
    }

    /** The service cannot answer yet (no model trained, fleet not scored yet): 503. */
    public static final class NotReady extends DomainException {
        public NotReady(String message) {
            super(message);
        }
    }

    /** The request conflicts with the current state (a job already running, a schema mismatch): 409. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }
}

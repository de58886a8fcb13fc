package io.downtime.web.pages;

import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.function.Supplier;

/** Calls to the other services that may fail: a page shows what it has and says which data is missing. */
final class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class);

    private Backend() {
    }

    /** The answer, or empty after logging why {@code service} gave none. */
    static <T> Optional<T> call(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            LOG.debugf("%s answered %d", service, e.getResponse().getStatus());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.debugf("%s is unreachable: %s", service, e.getMessage());
            return Optional.empty();
        }
    }

    /** The status {@code service} answered with, or 0 when it could not be reached. */
    static int status(RuntimeException e) {
        return e instanceof WebApplicationException w ? w.getResponse().getStatus() : 0;
    }

    /** Why {@code service} gave no answer, for the page. */
    static String problem(String service, RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return service + " answered " + w.getResponse().getStatus()
                    + (w.getResponse().getStatus() == 503 ? " (the first model may still be training)" : "");
        }
        return service + " is unreachable";
    }
}

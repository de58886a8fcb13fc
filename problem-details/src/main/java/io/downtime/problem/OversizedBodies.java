package io.downtime.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a {@code 413} problem
 * naming the limit, before the body is read; Quarkus's own check, which runs right after this one, answers with an
 * empty body. The body is read and dropped, then the connection closed.
 */
@ApplicationScoped
public class OversizedBodies {

    /** Before Quarkus's own body-size check (order -2). */
    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        long bytes = limit.asLongValue();
        String problem = Problem.of(413, "the request body is larger than the limit of " + bytes + " bytes").toJson();
        router.route().order(ORDER).handler(context -> {
            if (declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > bytes) {
                HttpServerRequest request = context.request();
                // Read on and drop the body a client is still sending, so it sees the answer rather than a reset;
                // close once it is done, or at once when it sends more than it declared.
                long[] dropped = {0};
                request.handler(chunk -> {
                    dropped[0] += chunk.length();
                    if (dropped[0] > 4 * bytes) {
                        request.connection().close();
                    }
                });
                request.endHandler(done -> request.connection().close());
                request.resume();
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

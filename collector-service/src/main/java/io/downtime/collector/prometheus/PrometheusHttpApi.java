package io.downtime.collector.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.downtime.collector.config.CollectorConfig;
import io.downtime.features.PrometheusDuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Prometheus HTTP API over the REST client, guarded: transient failures are retried with exponential backoff
 * and jitter; after repeated failures a circuit breaker stops calling for a while, so a down store is not hammered
 * and polls fail fast. A rejected query is not retried. The breaker's state is exported:
 * {@code downtime_collector_source_breaker_open} (1 while it refuses calls) and
 * {@code downtime_collector_source_breaker_opened_total}.
 */
@ApplicationScoped
public class PrometheusHttpApi implements PrometheusApi {

    private final PrometheusHttpClient client;
    /** Prometheus' own {@code timeout} of each query: collector.prometheus.timeout, checked at start-up. */
    private final String queryTimeout;

    /** The name of the circuit breaker around the store. */
    static final String BREAKER = "prometheus";

    public PrometheusHttpApi(@RestClient PrometheusHttpClient client, CollectorConfig config,
                             CircuitBreakerMaintenance breakers, MeterRegistry meters) {
        this.client = client;
        AtomicInteger open = new AtomicInteger();
        Gauge.builder("downtime_collector_source_breaker_open", open, AtomicInteger::get)
                .description("1 while the circuit breaker refuses to call the metric store, after repeated failures")
                .register(meters);
        Counter opened = Counter.builder("downtime_collector_source_breaker_opened")
                .description("Times the circuit breaker around the metric store opened").register(meters);
        breakers.onStateChange(BREAKER, state -> {
            open.set(state == CircuitBreakerState.OPEN ? 1 : 0);
            if (state == CircuitBreakerState.OPEN) {
                opened.increment();
            }
        });
        this.queryTimeout = PrometheusDuration.format(config.prometheus().timeout());
    }

    /** While the breaker is open this throws {@code CircuitBreakerOpenException} without calling the store. */
    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BadQuery.class)
    @ExponentialBackoff(factor = 4, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = BadQuery.class)
    @CircuitBreakerName(BREAKER)
    public Map<String, Series> queryRange(String query, long startMillis, long endMillis, long stepMillis) {
        JsonNode body;
        try (Response response = client.queryRange(query, seconds(startMillis), seconds(endMillis),
                seconds(stepMillis), queryTimeout)) {
            if (!response.hasEntity()) {
                throw new PrometheusException("Prometheus answered " + response.getStatus() + " without a body", false, null);
            }
            body = response.readEntity(JsonNode.class);
        } catch (ProcessingException | WebApplicationException e) {
            throw new PrometheusException("Prometheus is unreachable: " + e.getMessage(), false, e);
        }
        try {
            return PrometheusResponse.matrix(body, query);
        } catch (PrometheusException e) {
            throw e.badQuery() ? new BadQuery(e) : e;
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** A query the store rejects: fails at once, without retries, and does not count against the breaker. */
    static final class BadQuery extends PrometheusException {
        BadQuery(PrometheusException cause) {
            super(cause.getMessage(), true, cause);
        }
    }
}

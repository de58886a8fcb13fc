package io.downtime.collector.health;

import io.downtime.collector.MetricSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether the metric source (Prometheus) answered its last poll. It stays {@code UP} when it did not: the
 * collector still serves the samples it holds (marked stale) and reads the missed steps when the source is back, so
 * taking it out of the Service would only hide data. The degradation is in the check's data ({@code state: degraded})
 * and in {@code downtime_collector_source_up}.
 */
@Readiness
@ApplicationScoped
public class MetricSourceReadiness implements HealthCheck {

    private final MetricSource source;

    public MetricSourceReadiness(MetricSource source) {
        this.source = source;
    }

    @Override
    public HealthCheckResponse call() {
        boolean healthy = source.healthy();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("metric-source").up()
                .withData("source", source.kind().id())
                .withData("state", healthy ? "ok" : "degraded");
        if (!healthy) {
            response.withData("reason", "its last poll failed; samples are stale until it answers again");
        }
        return response.build();
    }
}

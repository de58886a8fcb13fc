package io.downtime.predictor.health;

import io.downtime.predictor.scoring.FleetScoring;
import io.downtime.predictor.scoring.FleetScoring.FeatureSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether feature-service answers. It stays {@code UP} when it does not: the predictor still serves the last
 * scores, marked stale, and taking it out of the Service would leave users with nothing. The degradation is in the
 * check's data ({@code state: degraded}, the reason and since when) and in {@code downtime_predictor_feature_service_up}.
 */
@Readiness
@ApplicationScoped
public class FeatureServiceReadiness implements HealthCheck {

    private final FleetScoring scoring;

    public FeatureServiceReadiness(FleetScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public HealthCheckResponse call() {
        FeatureSource source = scoring.featureSource();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("feature-service").up()
                .withData("state", source.answering() ? "ok" : "degraded")
                .withData("since", source.since().toString());
        if (!source.answering()) {
            response.withData("reason", source.reason());
        }
        return response.build();
    }
}

package io.downtime.predictor.health;

import io.downtime.predictor.ServedModel;
import io.downtime.predictor.training.FirstTraining;
import io.downtime.predictor.scoring.FleetScoring;
import io.downtime.predictor.training.ModelOnStartup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a model is served and the fleet has been scored with it, so {@code downtime_probability} is exported for
 * every instance: before that a prediction would be a 503 and the gauges would be missing. The reason says why not.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ServedModel served;
    private final ModelOnStartup startup;
    private final FleetScoring scoring;

    public ModelReadiness(ServedModel served, ModelOnStartup startup, FleetScoring scoring) {
        this.served = served;
        this.startup = startup;
        this.scoring = scoring;
    }

    @Override
    public HealthCheckResponse call() {
        if (served.current().isPresent() && scoring.latest().isEmpty()) {
            return HealthCheckResponse.named("model").down()
                    .withData("reason", "a model is served; the first fleet scoring has not exported "
                            + "downtime_probability yet").build();
        }
        return served.current()
                .map(m -> HealthCheckResponse.named("model").up()
                        .withData("algorithm", m.metadata().algorithm())
                        .withData("version", m.metadata().version())
                        .withData("horizon", m.metadata().horizon())
                        .build())
                .orElseGet(() -> {
                    FirstTraining.Status status = startup.status();
                    var down = HealthCheckResponse.named("model").down().withData("reason", status.reason())
                            .withData("attempts", status.attempts());
                    if (status.lastFailure() != null) {
                        down.withData("lastFailure", status.lastFailure());
                    }
                    return down.build();
                });
    }
}

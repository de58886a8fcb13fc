package io.downtime.predictor.health;

import io.downtime.predictor.ServedModel;
import io.downtime.predictor.training.FirstTraining;
import io.downtime.predictor.training.ModelOnStartup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a model is served: before that, every prediction would be a 503; the reason says why not yet. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ServedModel served;
    private final ModelOnStartup startup;

    public ModelReadiness(ServedModel served, ModelOnStartup startup) {
        this.served = served;
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
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

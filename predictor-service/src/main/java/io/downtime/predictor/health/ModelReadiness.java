package io.downtime.predictor.health;

import io.downtime.predictor.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a model is served: before that, every prediction would be a 503. */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ServedModel served;

    public ModelReadiness(ServedModel served) {
        this.served = served;
    }

    @Override
    public HealthCheckResponse call() {
        return served.current()
                .map(m -> HealthCheckResponse.named("model").up()
                        .withData("algorithm", m.metadata().algorithm())
                        .withData("version", m.metadata().version())
                        .withData("horizon", m.metadata().horizon())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("model").down()
                        .withData("reason", "the first model is still training").build());
    }
}

package io.downtime.predictor.config;

import io.downtime.models.registry.ModelRegistry;
import io.downtime.predictor.scoring.OwnThresholds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;

/** The model registry at the configured directory, and each instance's own thresholds as configured. */
@Singleton
public class RegistryProducer {

    @Produces
    @Singleton
    ModelRegistry registry(PredictorConfig config, Clock clock) {
        return new ModelRegistry(Path.of(config.registryDir()), config.registryKeep(), clock);
    }

    /** Made at start-up, so a bad setting stops the service with its message instead of failing each scoring. */
    @Produces
    @Singleton
    @Startup
    OwnThresholds ownThresholds(PredictorConfig config) {
        PredictorConfig.OwnThreshold own = config.alarms().ownThreshold();
        return new OwnThresholds(own.enabled(), own.window(), own.resolution(), config.training().alertBudget());
    }
}

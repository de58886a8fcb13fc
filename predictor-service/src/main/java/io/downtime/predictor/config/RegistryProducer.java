package io.downtime.predictor.config;

import io.downtime.models.registry.ModelRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;

/** The model registry at the configured directory. */
@Singleton
public class RegistryProducer {

    @Produces
    @Singleton
    ModelRegistry registry(PredictorConfig config, Clock clock) {
        return new ModelRegistry(Path.of(config.registryDir()), config.registryKeep(), clock);
    }
}

package io.downtime.predictor.training;

import io.downtime.predictor.ServedModel;
import io.downtime.predictor.client.FeatureClient;
import io.downtime.models.Algorithm;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.models.registry.ModelRegistry;
import io.downtime.predictor.scoring.FleetScoring;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * At start-up, serves the registry's champion. When the registry has none, or the champion was trained on another
 * feature schema than feature-service computes now (its signals changed), trains a model in the background, retrying
 * while feature-service is not reachable yet.
 */
@ApplicationScoped
public class ModelOnStartup {

    private static final Logger LOG = Logger.getLogger(ModelOnStartup.class);

    private final ModelRegistry registry;
    private final ServedModel served;
    private final ModelTraining training;
    private final FleetScoring scoring;
    private final FeatureClient features;
    private final PredictorConfig config;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "startup-training");
        thread.setDaemon(true);
        return thread;
    });

    public ModelOnStartup(ModelRegistry registry, ServedModel served, ModelTraining training,
                               FleetScoring scoring, @RestClient FeatureClient features, PredictorConfig config) {
        this.registry = registry;
        this.served = served;
        this.training = training;
        this.scoring = scoring;
        this.features = features;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        registry.champion(config.horizon()).ifPresent(champion -> {
            served.serve(champion);
            LOG.infof("serving %s model version %s from the registry", champion.metadata().algorithm(),
                    champion.metadata().version());
        });
        background.submit(this::trainUntilDone);
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    private void trainUntilDone() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String schema = features.schema().toSchema().hash();
                Optional<String> served = this.served.current().map(m -> m.metadata().featureSchema());
                if (served.filter(schema::equals).isPresent()) {
                    return;
                }
                LOG.info(served.isEmpty() ? "the registry has no model yet: training a first one"
                        : "the served model needs feature schema " + served.get() + " but feature-service computes "
                        + schema + ": training a new model");
                training.train(Algorithm.of(config.training().algorithm()), ModelTraining.Progress.NONE);
                scoring.scoreFleet();
                return;
            } catch (ProcessingException | WebApplicationException e) {
                LOG.infof("feature-service not ready (%s); retrying in %d s", e.getMessage(),
                        config.training().retrySeconds());
            } catch (Exception e) {
                LOG.errorf(e, "first training failed; retrying in %d s", config.training().retrySeconds());
            }
            try {
                TimeUnit.SECONDS.sleep(config.training().retrySeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

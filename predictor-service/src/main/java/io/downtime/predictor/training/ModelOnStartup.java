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

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * At start-up, serves the registry's champion. When the registry has none, or the champion was trained on another
 * feature schema than feature-service computes now (its signals changed), trains a model in the background, retrying
 * while feature-service is not reachable yet, and after any failure with a growing delay ({@link FirstTraining}).
 */
@ApplicationScoped
public class ModelOnStartup {

    private static final Logger LOG = Logger.getLogger(ModelOnStartup.class);

    private final ModelRegistry registry;
    private final ServedModel served;
    private final ModelTraining training;
    private final TrainingJobs jobs;
    private final FleetScoring scoring;
    private final FeatureClient features;
    private final PredictorConfig config;
    private final FirstTraining firstTraining;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "startup-training");
        thread.setDaemon(true);
        return thread;
    });

    public ModelOnStartup(ModelRegistry registry, ServedModel served, ModelTraining training, TrainingJobs jobs,
                               FleetScoring scoring, @RestClient FeatureClient features, PredictorConfig config) {
        this.jobs = jobs;
        this.registry = registry;
        this.served = served;
        this.training = training;
        this.scoring = scoring;
        this.features = features;
        this.config = config;
        this.firstTraining = new FirstTraining(this::attempt, Duration.ofSeconds(config.training().retrySeconds()),
                Duration.ofMinutes(5), duration -> TimeUnit.MILLISECONDS.sleep(duration.toMillis()),
                Clock.systemUTC());
    }

    void onStart(@Observes StartupEvent event) {
        registry.champion(config.horizon()).ifPresent(champion -> {
            served.serve(champion);
            LOG.infof("serving %s model version %s from the registry", champion.metadata().algorithm(),
                    champion.metadata().version());
        });
        background.submit(firstTraining);
        background.submit(this::compareEveryAlgorithm);
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    /**
     * Once a model is served, trains each algorithm the registry has no model of yet for the served feature schema,
     * one after the other as background jobs, so the Models page compares them all from the first hour; each goes
     * through champion/challenger (only a learned model that beats the champion replaces it).
     */
    void compareEveryAlgorithm() {
        if (!config.training().compareAll()) {
            return;
        }
        try {
            for (Algorithm algorithm : Algorithm.values()) {
                Optional<String> schema = served.current().map(m -> m.metadata().featureSchema());
                if (schema.isEmpty()) {
                    return;
                }
                boolean stored = registry.list().stream().anyMatch(m -> m.algorithm().equals(algorithm.id())
                        && m.horizon().equals(config.horizon()) && m.featureSchema().equals(schema.get()));
                if (!stored) {
                    LOG.infof("comparing every algorithm: training %s", algorithm.id());
                    jobs.runWhenFree(algorithm);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the first training is, for readiness. */
    public FirstTraining.Status status() {
        return firstTraining.status();
    }

    /**
     * One attempt: nothing to do when the served model fits feature-service's schema; the reason (retry soon, no
     * failure) while feature-service cannot answer yet; otherwise trains, scores the fleet and serves.
     */
    private String attempt() throws Exception {
        String schema;
        try {
            schema = features.schema().toSchema().hash();
        } catch (ProcessingException | WebApplicationException e) {
            LOG.infof("feature-service not ready (%s); retrying in %d s", e.getMessage(),
                    config.training().retrySeconds());
            return "feature-service does not answer yet (" + e.getMessage() + ")";
        }
        Optional<String> served = this.served.current().map(m -> m.metadata().featureSchema());
        if (served.filter(schema::equals).isPresent()) {
            scoring.scoreFleet();
            return scoring.latest().isPresent() ? null : "the first fleet scoring did not finish";
        }
        LOG.info(served.isEmpty() ? "the registry has no model yet: training a first one"
                : "the served model needs feature schema " + served.get() + " but feature-service computes "
                + schema + ": training a new model");
        training.train(Algorithm.of(config.training().algorithm()), ModelTraining.Progress.NONE);
        scoring.scoreFleet();
        return scoring.latest().isPresent() ? null : "the first fleet scoring did not finish";
    }
}

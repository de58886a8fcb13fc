package io.downtime.predictor.training;

import io.downtime.predictor.ServedModel;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.predictor.registry.ModelRegistry;
import io.downtime.predictor.scoring.FleetScoring;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * At start-up, serves the registry's champion; when the registry has none, trains a first model in the background,
 * retrying while feature-service is not reachable yet.
 */
@ApplicationScoped
public class FirstModelOnStartup {

    private static final Logger LOG = Logger.getLogger(FirstModelOnStartup.class);

    private final ModelRegistry registry;
    private final ServedModel served;
    private final ModelTraining training;
    private final FleetScoring scoring;
    private final PredictorConfig config;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "first-training");
        thread.setDaemon(true);
        return thread;
    });

    public FirstModelOnStartup(ModelRegistry registry, ServedModel served, ModelTraining training,
                               FleetScoring scoring, PredictorConfig config) {
        this.registry = registry;
        this.served = served;
        this.training = training;
        this.scoring = scoring;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        registry.champion(config.horizon()).ifPresentOrElse(champion -> {
            served.serve(champion);
            LOG.infof("serving %s model version %s from the registry", champion.metadata().algorithm(),
                    champion.metadata().version());
        }, () -> background.submit(this::trainUntilDone));
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    private void trainUntilDone() {
        LOG.info("the registry has no model yet: training a first one");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                training.train();
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

package io.downtime.predictor.scoring;

import io.downtime.models.registry.AtomicFiles;
import io.downtime.predictor.config.PredictorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@link OwnThresholds} across restarts: restored from {@code own-thresholds.bin} in the registry directory at
 * start-up, saved there atomically (write, fsync, rename) on a schedule and at shutdown. A damaged file is reported and
 * left aside: the instances then alarm at the model's threshold for a day, as on a first start.
 */
@ApplicationScoped
public class OwnThresholdsFile {

    private static final Logger LOG = Logger.getLogger(OwnThresholdsFile.class);
    static final String FILE = "own-thresholds.bin";

    private final OwnThresholds thresholds;
    private final Path file;
    private final boolean enabled;

    public OwnThresholdsFile(OwnThresholds thresholds, PredictorConfig config) {
        this.thresholds = thresholds;
        this.file = Path.of(config.registryDir()).resolve(FILE);
        this.enabled = config.alarms().ownThreshold().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled || !Files.exists(file)) {
            return;
        }
        try {
            int restored = thresholds.restore(Files.readAllBytes(file));
            LOG.infof("own alarm thresholds: carried on with the scores of %d instances from %s", restored, file);
        } catch (IOException e) {
            LOG.warnf("own alarm thresholds: %s cannot be used (%s); each instance alarms at the model's threshold "
                    + "until it has a day of scores again", file, e.getMessage());
        }
    }

    @Scheduled(every = "${predictor.alarms.own-threshold.save-interval}", delayed = "${predictor.alarms.own-threshold.save-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void save() {
        if (!enabled) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, thresholds.snapshot());
        } catch (IOException e) {
            LOG.warnf("own alarm thresholds: could not save them to %s (%s); a restart would read them afresh", file,
                    e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        save();
    }
}

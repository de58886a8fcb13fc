package io.downtime.predictor.training;

import io.downtime.predictor.alarms.AlarmService;
import io.downtime.predictor.alarms.ReviewedLabels;
import io.downtime.features.FeatureSchema;
import io.downtime.features.HistorySource;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.TrainingSetCsv;
import io.downtime.models.Algorithm;
import io.downtime.models.ChronologicalHoldout;
import io.downtime.models.DowntimeModel;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelQuality;
import io.downtime.models.ModelSettings;
import io.downtime.models.QualityMeasurement;
import io.downtime.models.quality.BinaryMetrics;
import io.downtime.models.quality.EventMetrics;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.client.FeatureClient;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.models.registry.ModelMetadata;
import io.downtime.models.registry.ModelRegistry;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.downtime.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One training run: fetch the labelled history, train on its earlier part, validate on its later part, register.
 * The new model (the challenger) is served only when no champion exists, or when it beats the champion's PR-AUC on
 * the same, latest validation window; a losing challenger is stored for the record but not served.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);

    /** Where a run is: a phase name and a share done, 0 to 100. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, percent) -> { };

        void report(String phase, int percent);
    }

    /**
     * The result of a run.
     *
     * @param model         the new model's metadata
     * @param promoted      whether it is now the champion
     * @param championPrAuc the previous champion's PR-AUC on the same validation window; null when there was none
     */
    public record Result(ModelMetadata model, boolean promoted, Double championPrAuc) {
    }

    private final FeatureClient features;
    private final ModelRegistry registry;
    private final ServedModel served;
    private final PredictorConfig config;
    private final AlarmService alarms;

    public ModelTraining(@RestClient FeatureClient features, ModelRegistry registry, ServedModel served,
                         PredictorConfig config, AlarmService alarms) {
        this.alarms = alarms;
        this.features = features;
        this.registry = registry;
        this.served = served;
        this.config = config;
        config.training().xgboost().settings(); // a setting out of range stops the start, not the first training
    }

    public synchronized Result train(Algorithm algorithm, Progress progress) throws IOException {
        String horizon = config.horizon();
        progress.report("fetching the training set", 5);
        FeatureSchema schema = features.schema().toSchema();
        LOG.infof("training a %s model for horizon %s on feature schema %s", algorithm.id(), horizon, schema.hash());
        TrainingData data = fetch(schema, horizon, HistorySource.FLEET);
        int incidents = EventMetrics.count(data.rows().incidents(), data.rows().instances(), data.rows().timestamps());
        int needed = config.training().minIncidents();
        if (incidents < needed) {
            String shortfall = "the fleet's history has " + incidents + " incident" + (incidents == 1 ? "" : "s")
                    + " where training needs " + needed + " (predictor.training.min-incidents)";
            if (served.current().isPresent()) {
                throw new IllegalStateException(shortfall + "; the served model stays");
            }
            LOG.infof("%s: the first model is trained on the simulator's fleet (a cold start); it is replaced by "
                    + "champion/challenger once the fleet's own history has enough incidents", shortfall);
            data = fetch(schema, horizon, HistorySource.SIMULATOR);
        }
        LabelledRows rows = data.rows();
        if (data.source() == HistorySource.FLEET) {
            ReviewedLabels.Relabelled relabelled = ReviewedLabels.apply(rows, alarms.reviewed());
            if (relabelled.madePositive() + relabelled.madeNegative() > 0) {
                LOG.infof("operators' reviews of alarms relabelled %d rows as positive (confirmed) and %d as negative "
                        + "(false alarms)", relabelled.madePositive(), relabelled.madeNegative());
            }
            rows = relabelled.rows();
        }
        String sampling = data.sampling();
        LOG.infof("training set: %d rows, %d positive (%s)", rows.size(), rows.positives(), sampling);
        progress.report("training", 40);
        PredictorConfig.Training training = config.training();
        Duration horizonDuration = PrometheusDuration.parse(horizon);
        ModelSettings defaults = ModelSettings.defaults(rows.samplesIn(horizonDuration));
        ModelSettings settings = new ModelSettings(training.xgboost().settings(), defaults.forest(),
                defaults.svm(), defaults.logistic(), defaults.horizonSamples());
        ChronologicalHoldout.Outcome<DowntimeModel> outcome =
                new ChronologicalHoldout(training.validationShare(), horizonDuration, training.alertBudget())
                        .run(rows, algorithm.trainer(settings));
        ModelQuality quality = outcome.quality();
        LOG.infof("trained in %.1f s; validation PR-AUC %.3f; at threshold %.3f: F1 %.3f, recall %.3f, "
                        + "%.2f false alarms per instance per day, %s", quality.trainSeconds(), quality.prAuc(),
                quality.threshold(), quality.f1(), quality.recall(), quality.falseAlarmsPerDay(), quality.events());

        progress.report("comparing with the champion", 80);
        Double championPrAuc = championPrAuc(rows, quality, schema, horizon).orElse(null);
        // The champion is the best learned model: a baseline is served only while there is nothing else.
        boolean promote = served.current().isEmpty()
                || (algorithm.learned() && (championPrAuc == null || quality.prAuc() > championPrAuc));
        progress.report("registering", 90);
        RegisteredModel registered = promote
                ? registry.register(outcome.model(), horizon, quality, sampling, data.source())
                : registry.store(outcome.model(), horizon, quality, sampling, data.source());
        if (promote) {
            served.serve(registered);
        } else {
            LOG.infof("challenger %s (PR-AUC %.3f) does not beat the champion (%.3f) on the latest validation window; "
                    + "the champion stays", registered.metadata().version(), quality.prAuc(), championPrAuc);
        }
        progress.report("done", 100);
        return new Result(registered.metadata(), promote, championPrAuc);
    }

    /** Labelled rows, how they were chosen, and whose history they are. */
    private record TrainingData(LabelledRows rows, String sampling, HistorySource source) {
    }

    private TrainingData fetch(FeatureSchema schema, String horizon, HistorySource source) throws IOException {
        try (Response response = features.trainingSet(horizon, config.training().maxRows(), source.id());
             InputStream csv = response.readEntity(InputStream.class)) {
            String sampling = response.getHeaderString(TrainingSetCsv.SAMPLING_HEADER);
            Duration step = sampleStep(response.getHeaderString(TrainingSetCsv.STEP_HEADER));
            return new TrainingData(LabelledRows.of(schema, TrainingSetCsv.read(
                    new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))), step), sampling, source);
        }
    }

    /** The training set's sample step, which feature-service sends with it. */
    static Duration sampleStep(String header) {
        if (header == null) {
            throw new DomainException.DependencyUnavailable("feature-service's training set came without its sample "
                    + "step (header " + TrainingSetCsv.STEP_HEADER + "): it is older than this predictor; upgrade it", false,
                    null);
        }
        try {
            return PrometheusDuration.parse(header);
        } catch (IllegalArgumentException e) {
            throw new DomainException.DependencyUnavailable("feature-service's training set has a sample step that "
                    + "is not a duration: " + header, false, e);
        }
    }

    /** The served champion's PR-AUC on the challenger's validation rows, when it can score them. */
    private Optional<Double> championPrAuc(LabelledRows rows, ModelQuality quality, FeatureSchema schema,
                                           String horizon) {
        return served.current()
                .filter(champion -> champion.metadata().horizon().equals(horizon))
                .filter(champion -> champion.metadata().featureSchema().equals(schema.hash()))
                .map(champion -> {
                    LabelledRows validation = rows.between(quality.validationFrom(), quality.validationTo() + 1);
                    double[] scores = QualityMeasurement.scores(champion.model(), validation);
                    return BinaryMetrics.prAuc(scores, validation.labels());
                });
    }
}

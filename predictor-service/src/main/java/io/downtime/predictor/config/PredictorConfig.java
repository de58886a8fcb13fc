package io.downtime.predictor.config;

import io.downtime.features.PrometheusDurationConverter;
import io.downtime.models.xgboost.XGBoostSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Configuration of the predictor, under {@code predictor.}. Durations are in Prometheus notation. */
@ConfigMapping(prefix = "predictor")
public interface PredictorConfig {

    /** The prediction horizon: probabilities mean "in, or entering, an incident within this time". */
    @WithDefault("1h")
    String horizon();

    /** Directory of the model registry; keep it on a persistent volume so models survive restarts. */
    @WithDefault("data/registry")
    String registryDir();

    /** Model versions kept in the registry (champions are always kept). */
    @WithDefault("10")
    int registryKeep();

    /** How often the whole fleet is scored and the gauges updated. */
    @WithDefault("30s")
    String scoringInterval();

    /** Fleet scores kept per instance for trend lines (at the scoring interval: 240 x 30 s = 2 hours). */
    @WithDefault("240")
    int historyPoints();

    /** Most instances one {@code /predict/batch} request may carry. */
    @WithDefault("1000")
    int batchLimit();

    /** Number of feature contributions returned with each prediction. */
    @WithDefault("5")
    int explanationSize();

    /** Training. */
    Training training();

    /** Alarms (episodes of risk at or above the threshold) and their reviews. */
    Alarms alarms();

    interface Alarms {

        /**
         * How long an instance's risk must stay under the threshold before its alarm ends: the alert rule's
         * {@code keep_firing_for}, so an alarm and a DowntimeRiskHigh alert are the same episode.
         */
        @WithDefault("10m")
        @WithConverter(PrometheusDurationConverter.class)
        Duration keepOpenFor();

        /** The journal of alarms and reviews; empty means {@code alarms.journal} in the registry directory. */
        Optional<String> journal();

        /** Each instance's own alarm threshold, read from its own recent scores, under {@code own-threshold.}. */
        OwnThreshold ownThreshold();
    }

    /**
     * Each instance's own alarm threshold: once an instance has been scored by the served model for a day, it alarms
     * at the lowest threshold that would have kept it within the alert budget over its own scores of the trailing
     * window, read anew once a day; before that, at the model's threshold.
     */
    interface OwnThreshold {

        /** {@code false}: every instance alarms at the model's threshold. */
        @WithDefault("true")
        boolean enabled();

        /** How much of an instance's recent scores its threshold is read from; at least a day. */
        @WithDefault("7d")
        @WithConverter(PrometheusDurationConverter.class)
        Duration window();

        /**
         * One score (the highest) is kept per instance and this time: 12 bytes per instance per resolution of the
         * window (7d at 15m: 8 KB an instance, 80 MB for 10,000).
         */
        @WithDefault("15m")
        @WithConverter(PrometheusDurationConverter.class)
        Duration resolution();

        /**
         * How often the kept scores are saved (to {@code own-thresholds.bin} in the registry directory, atomically; on
         * shutdown too), so a restart carries on instead of spending a day at the model's threshold.
         */
        @WithDefault("1h")
        String saveInterval();
    }

    /** Hyperparameters of XGBoost training; the other algorithms' are fixed (README, "Models and evaluation"). */
    interface XGBoost {

        /** Boosting rounds (trees). */
        @WithDefault("150")
        int rounds();

        /** Maximum depth of each tree. */
        @WithDefault("4")
        int maxDepth();

        /** Learning rate, in (0, 1]. */
        @WithDefault("0.1")
        double eta();

        /**
         * Share of the features each split considers, in (0, 1]; unset, it is chosen among 1, 0.3, 0.1 and 0.03 on
         * instances left out of training, which costs eight fits on half the rows each.
         */
        Optional<Double> columnShare();

        /** The settings, checked: throws naming the property that is out of range. */
        default XGBoostSettings settings() {
            try {
                XGBoostSettings settings = XGBoostSettings.defaults().with(rounds(), maxDepth(), eta());
                return columnShare().map(settings::withColumnShare).orElse(settings);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("predictor.training.xgboost: " + e.getMessage(), e);
            }
        }
    }

    interface Training {

        /** Share of the history, at its end, used to validate and to choose the alarm threshold. */
        @WithDefault("0.25")
        double validationShare();

        /** False alarms allowed per instance per day; the alarm threshold is the lowest that keeps within it. */
        @WithDefault("1")
        double alertBudget();

        /**
         * Algorithm trained at start-up and on the retrain schedule: xgboost, random-forest, svm, logistic,
         * static-threshold or linear-extrapolation. {@code POST /models/train?algorithm=} trains any of them.
         */
        @WithDefault("xgboost")
        String algorithm();

        /**
         * Most training rows: feature-service builds the training set from whole instances until their rows reach this
         * (instances with an incident first, up to half), so memory stays bounded whatever the fleet size.
         */
        @WithDefault("100000")
        long maxRows();

        /**
         * Once the first model is served, train every other algorithm too (each a background job through
         * champion/challenger), so all of them are compared from the start.
         */
        @WithDefault("true")
        boolean compareAll();

        /**
         * Incidents the fleet's history must hold for a model to be trained on it; with fewer, the first model is
         * trained on the simulator's fleet (a cold start) and later trainings wait.
         */
        @WithDefault("3")
        int minIncidents();

        /** XGBoost's own settings, under {@code predictor.training.xgboost.}. */
        XGBoost xgboost();

        /**
         * How often a challenger is trained on fresh history; it replaces the champion only when it beats it on the
         * latest validation window. {@code off} disables retraining.
         */
        @WithDefault("6h")
        String retrainInterval();

        /** Seconds between attempts while feature-service is not reachable yet. */
        @WithDefault("3")
        int retrySeconds();
    }
}

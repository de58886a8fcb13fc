package io.downtime.models;

import io.downtime.features.FeatureSchema;
import io.downtime.models.baseline.SignalBaseline;
import io.downtime.models.baseline.SignalBaselineTrainer;
import io.downtime.models.forest.RandomForestModel;
import io.downtime.models.forest.RandomForestTrainer;
import io.downtime.models.linear.LogisticModel;
import io.downtime.models.linear.LogisticTrainer;
import io.downtime.models.svm.SvmModel;
import io.downtime.models.svm.SvmTrainer;
import io.downtime.models.xgboost.XGBoostModel;
import io.downtime.models.xgboost.XGBoostTrainer;

import java.util.Arrays;
import java.util.function.Function;

/** The algorithms a model can be trained with: how each trains, and how a stored one is loaded. */
public enum Algorithm {

    XGBOOST(XGBoostModel.ALGORITHM, true),
    RANDOM_FOREST(RandomForestModel.ALGORITHM, true),
    SVM(SvmModel.ALGORITHM, true),
    LOGISTIC(LogisticModel.ALGORITHM, true),
    STATIC_THRESHOLD(SignalBaseline.Kind.STATIC_THRESHOLD.algorithm(), false),
    LINEAR_EXTRAPOLATION(SignalBaseline.Kind.LINEAR_EXTRAPOLATION.algorithm(), false);

    private final String id;
    private final boolean learned;

    Algorithm(String id, boolean learned) {
        this.id = id;
        this.learned = learned;
    }

    /** The name used in APIs, configuration, metadata and metric labels, e.g. {@code random-forest}. */
    public String id() {
        return id;
    }

    /** False for the baselines, whose rule is fixed and only calibrated. */
    public boolean learned() {
        return learned;
    }

    /** The algorithm called {@code id}; throws {@link IllegalArgumentException} listing the valid names. */
    public static Algorithm of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + id + "'; use one of "
                        + Arrays.stream(values()).map(Algorithm::id).toList()));
    }

    /**
     * Trains a model of this algorithm on labelled rows; rows at which the source observed the instance down are no
     * predictions and are left out here, in the one place every training goes through.
     */
    public Function<LabelledRows, DowntimeModel> trainer(ModelSettings settings) {
        Function<LabelledRows, DowntimeModel> trainer = fitter(settings);
        return rows -> trainer.apply(rows.predictions());
    }

    private Function<LabelledRows, DowntimeModel> fitter(ModelSettings settings) {
        return switch (this) {
            case XGBOOST -> new XGBoostTrainer(settings.xgboost())::train;
            case RANDOM_FOREST -> new RandomForestTrainer(settings.forest())::train;
            case SVM -> new SvmTrainer(settings.svm(), settings.horizonSamples())::train;
            case LOGISTIC -> new LogisticTrainer(settings.logistic(), settings.horizonSamples())::train;
            case STATIC_THRESHOLD -> new SignalBaselineTrainer(SignalBaseline.Kind.STATIC_THRESHOLD,
                    settings.horizonSamples())::train;
            case LINEAR_EXTRAPOLATION -> new SignalBaselineTrainer(SignalBaseline.Kind.LINEAR_EXTRAPOLATION,
                    settings.horizonSamples())::train;
        };
    }

    /**
     * A stored model of this algorithm, as {@link DowntimeModel#save()} wrote it.
     *
     * @throws IllegalArgumentException when the content is not such a model for {@code schema}
     */
    public DowntimeModel load(FeatureSchema schema, byte[] content) {
        return switch (this) {
            case XGBOOST -> XGBoostModel.load(schema, content);
            case RANDOM_FOREST -> RandomForestModel.load(schema, content);
            case SVM -> SvmModel.load(schema, content);
            case LOGISTIC -> LogisticModel.load(schema, content);
            case STATIC_THRESHOLD -> SignalBaseline.load(SignalBaseline.Kind.STATIC_THRESHOLD, schema, content);
            case LINEAR_EXTRAPOLATION -> SignalBaseline.load(SignalBaseline.Kind.LINEAR_EXTRAPOLATION, schema, content);
        };
    }
}

package io.downtime.models;

import io.downtime.features.FeatureSchema;

/** A trained model: the probability that an instance is in, or enters, an incident within the horizon. */
public interface DowntimeModel {

    /** Short algorithm name, e.g. {@code xgboost}. */
    String algorithm();

    /** The schema of the vectors this model was trained on. */
    FeatureSchema schema();

    /** Probability in [0, 1] for one vector laid out as {@link #schema()}; {@code NaN} entries are missing values. */
    double probability(double[] vector);

    /** The model in its stored form; the algorithm's {@code load} gives back a model with identical predictions. */
    byte[] save();

    /**
     * How much the model relies on each feature, in a unit of the algorithm's own (gain for trees, absolute weight of
     * the standardised feature for linear models); empty when the algorithm has no such measure.
     */
    default double[] featureImportance() {
        return new double[0];
    }

    /** Additive contributions of each feature to this prediction, and how they were computed. */
    Explanation explain(double[] vector);
}

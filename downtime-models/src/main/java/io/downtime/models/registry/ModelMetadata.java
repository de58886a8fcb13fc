package io.downtime.models.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.downtime.features.HistorySource;
import io.downtime.models.ModelQuality;

import java.util.List;
import java.util.Map;

/**
 * What the registry stores next to a model: enough to load it, check it and tell users what it is.
 *
 * @param version           registry version, a zero-padded sequence number
 * @param algorithm         e.g. {@code xgboost}
 * @param horizon           prediction horizon, Prometheus notation
 * @param featureSchema     hash of the feature schema the model was trained on
 * @param featureNames      the schema's feature names, in vector order
 * @param featureDefinition the schema's definition text
 * @param quality           training and validation figures, the alarm threshold among them
 * @param sha256            SHA-256 of each model file, by file name
 * @param createdAt         ISO-8601 time the model was registered
 * @param importance        the features that weigh most in the model, largest first, with their share of total gain
 * @param trainingRows      how the training rows were chosen from the fleet (e.g. every row, or which instances of a
 *                          bounded sample); null when not recorded
 * @param trainedOn         whose history it was trained on: the served fleet's own, or the simulated fleet's (a cold
 *                          start, until the fleet has incidents); null (older models) means the fleet's
 */
// Models stored before the quality became the threshold's one home hold a copy beside it: read, and ignored.
@JsonIgnoreProperties("threshold")
public record ModelMetadata(String version, String algorithm, String horizon, String featureSchema,
                            List<String> featureNames, String featureDefinition,
                            ModelQuality quality, Map<String, String> sha256, String createdAt,
                            List<FeatureWeight> importance, String trainingRows, HistorySource trainedOn) {

    /** {@link #trainedOn()}, with older models' null read as the fleet. */
    public HistorySource trainedOnOrFleet() {
        return trainedOn == null ? HistorySource.FLEET : trainedOn;
    }

    /** A feature's share of the model's total gain. */
    public record FeatureWeight(String feature, double share) {
    }
}

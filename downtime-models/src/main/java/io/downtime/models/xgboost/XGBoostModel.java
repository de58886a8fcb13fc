package io.downtime.models.xgboost;

import io.downtime.features.FeatureSchema;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;

/**
 * An XGBoost model as saved by XGBoost (JSON), scored by the pure-Java {@link XGBoostJsonScorer}.
 *
 * @param schema feature schema the model was trained on
 * @param json   the model in XGBoost's JSON format, the form it is stored in
 */
public record XGBoostModel(FeatureSchema schema, byte[] json, XGBoostJsonScorer scorer) implements DowntimeModel {

    public static final String ALGORITHM = "xgboost";

    public XGBoostModel {
        if (scorer.featureCount() != schema.size()) {
            throw new IllegalArgumentException("XGBoost model has " + scorer.featureCount()
                    + " features but schema " + schema.hash() + " has " + schema.size());
        }
    }

    /** Loads a stored model; throws {@link IllegalArgumentException} when the JSON is not a usable model. */
    public static XGBoostModel load(FeatureSchema schema, byte[] json) {
        return new XGBoostModel(schema, json, XGBoostJsonScorer.parse(json));
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public double[] featureImportance() {
        return scorer.totalGain();
    }

    @Override
    public byte[] save() {
        return json.clone();
    }

    @Override
    public double probability(double[] vector) {
        return scorer.probability(vector);
    }

    @Override
    public Explanation explain(double[] vector) {
        return new Explanation(ExplanationMethod.TREE_SHAP, scorer.bias(), scorer.shap(vector));
    }
}

package io.downtime.models.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.features.FeatureSchema;
import io.downtime.models.ColumnScaling;
import io.downtime.models.DowntimeClassifier;
import io.downtime.models.Explanation;
import io.downtime.models.ModelJson;

/**
 * Logistic regression on standardised features: margin {@code intercept + sum(w_i · z_i)}, where the intercept
 * already holds the correction for the negatives left out of training. Its explanation is exact: each feature
 * contributes {@code w_i · z_i}.
 *
 * @param schema       the features the model reads
 * @param scaling      training means and standard deviations
 * @param coefficients one per feature, on standardised values
 * @param intercept    the margin of the all-means vector
 */
public record LogisticModel(FeatureSchema schema, ColumnScaling scaling, double[] coefficients, double intercept)
        implements DowntimeClassifier {

    public static final String ALGORITHM = "logistic";
    private static final String FORMAT = "downtime-logistic-v1";

    public LogisticModel {
        if (coefficients.length != schema.size() || scaling.size() != schema.size()) {
            throw new IllegalArgumentException("logistic model has " + coefficients.length
                    + " coefficients but schema " + schema.hash() + " has " + schema.size() + " features");
        }
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    public double margin(double[] vector) {
        requireLength(vector);
        double sum = intercept;
        for (int f = 0; f < coefficients.length; f++) {
            sum += coefficients[f] * scaling.standardize(vector[f], f);
        }
        return sum;
    }

    @Override
    public double probability(double[] vector) {
        return 1 / (1 + Math.exp(-margin(vector)));
    }

    @Override
    public Explanation explain(double[] vector) {
        requireLength(vector);
        double[] contributions = new double[coefficients.length];
        for (int f = 0; f < coefficients.length; f++) {
            contributions[f] = coefficients[f] * scaling.standardize(vector[f], f);
        }
        return new Explanation(Explanation.LINEAR, intercept, contributions);
    }

    @Override
    public double[] featureImportance() {
        double[] weights = new double[coefficients.length];
        for (int f = 0; f < weights.length; f++) {
            weights[f] = Math.abs(coefficients[f]);
        }
        return weights;
    }

    @Override
    public byte[] save() {
        ObjectNode document = ModelJson.document(FORMAT);
        ModelJson.put(document, "scaling", scaling);
        ModelJson.put(document, "coefficients", coefficients);
        document.put("intercept", intercept);
        return ModelJson.bytes(document);
    }

    /** Loads a stored model; throws {@link IllegalArgumentException} when the content is not one for {@code schema}. */
    public static LogisticModel load(FeatureSchema schema, byte[] content) {
        JsonNode root = ModelJson.parse(content, FORMAT);
        return new LogisticModel(schema, ModelJson.scaling(root, "scaling"), ModelJson.doubles(root, "coefficients"),
                ModelJson.number(root, "intercept"));
    }

    private void requireLength(double[] vector) {
        if (vector.length != schema.size()) {
            throw new IllegalArgumentException("vector has " + vector.length + " features but the model expects "
                    + schema.size());
        }
    }
}

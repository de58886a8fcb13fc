package io.downtime.models.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.features.FeatureSchema;
import io.downtime.models.ColumnScaling;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.ModelJson;
import io.downtime.models.baseline.BaselineInputs;

/**
 * Logistic regression on standardised features and the baselines' scores ({@link BaselineInputs}): margin
 * {@code intercept + sum(w_i · z_i)}, where the intercept already holds the correction for the rows left out of
 * training. Its explanation is exact: each input contributes {@code w_i · z_i} (a baseline score's share goes to the
 * signal that drives it).
 *
 * @param schema       the features the model reads
 * @param inputs       the baseline scores appended to each vector
 * @param scaling      training means and standard deviations of the extended vectors
 * @param coefficients one per extended input, on standardised values
 * @param intercept    the margin of the all-means vector
 */
public record LogisticModel(FeatureSchema schema, BaselineInputs inputs, ColumnScaling scaling, double[] coefficients,
                            double intercept) implements DowntimeModel {

    public static final String ALGORITHM = "logistic";
    private static final String FORMAT = "downtime-logistic-v1";

    public LogisticModel {
        int extended = inputs.size();
        if (coefficients.length != extended || scaling.size() != extended) {
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
        double[] x = inputs.extend(vector);
        double sum = intercept;
        for (int f = 0; f < coefficients.length; f++) {
            sum += coefficients[f] * scaling.standardize(x[f], f);
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
        double[] x = inputs.extend(vector);
        double[] contributions = new double[coefficients.length];
        for (int f = 0; f < coefficients.length; f++) {
            contributions[f] = coefficients[f] * scaling.standardize(x[f], f);
        }
        return new Explanation(ExplanationMethod.LINEAR, intercept, inputs.fold(vector, contributions));
    }

    @Override
    public double[] featureImportance() {
        double[] weights = new double[schema.size()];
        for (int i = 0; i < inputs.columns().length; i++) {
            weights[inputs.columns()[i]] += Math.abs(coefficients[i]);
        }
        return weights;
    }

    @Override
    public byte[] save() {
        ObjectNode document = ModelJson.document(FORMAT);
        inputs.save(document, "baseline_inputs");
        ModelJson.put(document, "scaling", scaling);
        ModelJson.put(document, "coefficients", coefficients);
        document.put("intercept", intercept);
        return ModelJson.bytes(document);
    }

    /** Loads a stored model; throws {@link IllegalArgumentException} when the content is not one for {@code schema}. */
    public static LogisticModel load(FeatureSchema schema, byte[] content) {
        JsonNode root = ModelJson.parse(content, FORMAT);
        return new LogisticModel(schema, BaselineInputs.load(root, "baseline_inputs", schema),
                ModelJson.scaling(root, "scaling"), ModelJson.doubles(root, "coefficients"),
                ModelJson.number(root, "intercept"));
    }

    private void requireLength(double[] vector) {
        if (vector.length != schema.size()) {
            throw new IllegalArgumentException("vector has " + vector.length + " features but the model expects "
                    + schema.size());
        }
    }
}

package io.downtime.models.svm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.features.FeatureSchema;
import io.downtime.models.ColumnScaling;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.ModelJson;
import io.downtime.models.PlattScaling;
import io.downtime.models.baseline.BaselineInputs;

import java.util.ArrayList;
import java.util.List;

/**
 * A support-vector machine with a Gaussian (RBF) kernel on standardised features and the baselines' scores
 * ({@link BaselineInputs}): decision value
 * {@code sum(w_i · exp(-|x - v_i|² / (2σ²))) + b}, turned into a probability by Platt scaling and corrected for the
 * negatives left out of training. Trained by smile, stored and scored here, so serving needs no smile classes.
 *
 * @param schema         the features the model reads
 * @param inputs         the baseline scores appended to each vector
 * @param scaling        training means and standard deviations of the extended vectors
 * @param supportVectors support vectors, standardised
 * @param weights        weight of each support vector
 * @param intercept      the decision value's constant
 * @param sigma          the Gaussian kernel's width
 * @param platt          decision value to sample log-odds
 * @param samplingRatio   share of negative rows trained on over the share of positive rows
 */
public record SvmModel(FeatureSchema schema, BaselineInputs inputs, ColumnScaling scaling, double[][] supportVectors, double[] weights,
                       double intercept, double sigma, PlattScaling platt, double samplingRatio)
        implements DowntimeModel {

    public static final String ALGORITHM = "svm";
    private static final String FORMAT = "downtime-svm-rbf-v1";

    public SvmModel {
        if (scaling.size() != inputs.size()) {
            throw new IllegalArgumentException("SVM reads " + scaling.size() + " features but schema " + schema.hash()
                    + " has " + schema.size());
        }
        if (supportVectors.length != weights.length || supportVectors.length == 0) {
            throw new IllegalArgumentException("an SVM needs one weight per support vector, and at least one");
        }
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    /** The kernel machine's decision value for a standardised vector. */
    public double decisionValue(double[] standardised) {
        double gamma = 1 / (2 * sigma * sigma);
        double sum = intercept;
        for (int i = 0; i < supportVectors.length; i++) {
            sum += weights[i] * Math.exp(-gamma * squaredDistance(standardised, supportVectors[i]));
        }
        return sum;
    }

    private double margin(double[] standardised) {
        return platt.margin(decisionValue(standardised)) + Math.log(samplingRatio);
    }

    @Override
    public double probability(double[] vector) {
        requireLength(vector);
        return 1 / (1 + Math.exp(-margin(scaling.standardize(inputs.extend(vector)))));
    }

    /**
     * Occlusion: the change of the margin when one feature is set to its training mean (0 once standardised), scaled
     * so the contributions add up to the distance from the margin of the all-means vector. Computed per feature from
     * each support vector's kernel value, in O(features × support vectors).
     */
    @Override
    public Explanation explain(double[] vector) {
        requireLength(vector);
        double[] x = scaling.standardize(inputs.extend(vector));
        double gamma = 1 / (2 * sigma * sigma);
        double[] kernel = new double[supportVectors.length];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = weights[i] * Math.exp(-gamma * squaredDistance(x, supportVectors[i]));
        }
        double full = margin(x);
        double bias = margin(new double[x.length]);
        double[] contributions = new double[x.length];
        double total = 0;
        for (int f = 0; f < x.length; f++) {
            if (x[f] == 0) {
                continue;
            }
            double occluded = intercept;
            for (int i = 0; i < kernel.length; i++) {
                double v = supportVectors[i][f];
                // Setting x_f to 0 changes |x - v|² by v² - (x_f - v)².
                occluded += kernel[i] * Math.exp(-gamma * (v * v - (x[f] - v) * (x[f] - v)));
            }
            contributions[f] = full - (platt.margin(occluded) + Math.log(samplingRatio));
            total += contributions[f];
        }
        double distance = full - bias;
        if (total != 0) {
            double scale = distance / total;
            for (int f = 0; f < contributions.length; f++) {
                contributions[f] *= scale;
            }
        }
        return new Explanation(ExplanationMethod.OCCLUSION, bias, inputs.fold(vector, contributions));
    }

    @Override
    public byte[] save() {
        ObjectNode document = ModelJson.document(FORMAT);
        inputs.save(document, "baseline_inputs");
        ModelJson.put(document, "scaling", scaling);
        document.put("intercept", intercept);
        document.put("sigma", sigma);
        document.put("platt_a", platt.a());
        document.put("platt_b", platt.b());
        document.put("sampling_ratio", samplingRatio);
        ModelJson.put(document, "weights", weights);
        ArrayNode vectors = document.putArray("support_vectors");
        for (double[] vector : supportVectors) {
            ArrayNode row = vectors.addArray();
            for (double v : vector) {
                row.add(v);
            }
        }
        return ModelJson.bytes(document);
    }

    /** Loads a stored SVM; throws {@link IllegalArgumentException} when the content is not one for {@code schema}. */
    public static SvmModel load(FeatureSchema schema, byte[] content) {
        JsonNode root = ModelJson.parse(content, FORMAT);
        BaselineInputs inputs = BaselineInputs.load(root, "baseline_inputs", schema);
        List<double[]> vectors = new ArrayList<>();
        for (JsonNode row : root.path("support_vectors")) {
            double[] vector = new double[row.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = row.get(i).asDouble();
            }
            if (vector.length != inputs.size()) {
                throw new IllegalArgumentException("a support vector has " + vector.length + " values, not "
                        + inputs.size());
            }
            vectors.add(vector);
        }
        return new SvmModel(schema, inputs, ModelJson.scaling(root, "scaling"), vectors.toArray(double[][]::new),
                ModelJson.doubles(root, "weights"), ModelJson.number(root, "intercept"),
                ModelJson.number(root, "sigma"),
                new PlattScaling(ModelJson.number(root, "platt_a"), ModelJson.number(root, "platt_b")),
                ModelJson.number(root, "sampling_ratio"));
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private void requireLength(double[] vector) {
        if (vector.length != schema.size()) {
            throw new IllegalArgumentException("vector has " + vector.length + " features but the model expects "
                    + schema.size());
        }
    }
}

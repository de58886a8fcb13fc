package io.downtime.models.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.features.FeatureSchema;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.ModelJson;
import io.downtime.models.PlattScaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The two rules operators already alert with, as non-learned baselines. Each signal is measured in training standard
 * deviations from its training mean; the score is the largest such distance over the signals:
 * <ul>
 *     <li>{@link Kind#STATIC_THRESHOLD}: of the last value, as a static per-signal threshold alert
 *     ({@code cpu > 90%});</li>
 *     <li>{@link Kind#LINEAR_EXTRAPOLATION}: of the value extrapolated over the horizon along the slope of the longest
 *     window, as a Prometheus {@code predict_linear} alert.</li>
 * </ul>
 * Where the alarm fires is the threshold the alert budget picks on the score; the only thing fitted is Platt scaling,
 * which turns the score into a probability.
 *
 * @param kind           which rule
 * @param schema         the features the baseline reads
 * @param lastIndex      index of each signal's last value
 * @param slopeIndex     index of each signal's slope per sample over the longest window
 * @param means          each signal's training mean
 * @param stds           each signal's training standard deviation
 * @param horizonSamples samples in the horizon, for extrapolation
 * @param platt          score to sample log-odds
 * @param samplingRatio   share of negative rows kept for fitting Platt scaling over the share of positive rows kept
 */
public record SignalBaseline(Kind kind, FeatureSchema schema, int[] lastIndex, int[] slopeIndex, double[] means,
                             double[] stds, int horizonSamples, PlattScaling platt, double samplingRatio)
        implements DowntimeModel {

    /** The rule a baseline applies. */
    public enum Kind {
        STATIC_THRESHOLD("static-threshold"),
        LINEAR_EXTRAPOLATION("linear-extrapolation");

        private final String algorithm;

        Kind(String algorithm) {
            this.algorithm = algorithm;
        }

        public String algorithm() {
            return algorithm;
        }

        String format() {
            return "downtime-" + algorithm + "-v1";
        }
    }

    /** The signals of {@code schema}: each with its last-value feature and its slope over the longest window. */
    record Signals(int[] last, int[] slope) {

        static Signals of(FeatureSchema schema) {
            List<FeatureSchema.Feature> features = schema.features();
            List<Integer> last = new ArrayList<>();
            List<Integer> slope = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                FeatureSchema.Feature feature = features.get(i);
                if (feature.statistic() != FeatureSchema.Statistic.LAST || feature.signal() == null) {
                    continue;
                }
                int best = -1;
                int bestWindow = -1;
                for (int j = 0; j < features.size(); j++) {
                    FeatureSchema.Feature other = features.get(j);
                    if (other.statistic() == FeatureSchema.Statistic.SLOPE && other.window() > bestWindow
                            && feature.signal().equals(other.signal()) && feature.relative() == other.relative()) {
                        bestWindow = other.window();
                        best = j;
                    }
                }
                last.add(i);
                slope.add(best);
            }
            if (last.isEmpty()) {
                throw new IllegalArgumentException("schema " + schema.hash()
                        + " has no last-value feature of any signal for a signal baseline to read");
            }
            return new Signals(last.stream().mapToInt(Integer::intValue).toArray(),
                    slope.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Override
    public String algorithm() {
        return kind.algorithm();
    }

    /** The largest distance of a signal from its training mean, in training standard deviations; 0 when none is known. */
    public double score(double[] vector) {
        double[] scores = signalScores(vector);
        return scores[drivingSignal(scores)];
    }

    private double[] signalScores(double[] vector) {
        if (vector.length != schema.size()) {
            throw new IllegalArgumentException("vector has " + vector.length + " features but the model expects "
                    + schema.size());
        }
        double[] scores = new double[lastIndex.length];
        for (int s = 0; s < lastIndex.length; s++) {
            double value = vector[lastIndex[s]];
            if (kind == Kind.LINEAR_EXTRAPOLATION && slopeIndex[s] >= 0 && !Double.isNaN(vector[slopeIndex[s]])) {
                value += vector[slopeIndex[s]] * horizonSamples;
            }
            scores[s] = Double.isFinite(value) ? Math.abs(value - means[s]) / stds[s] : 0;
        }
        return scores;
    }

    private static int drivingSignal(double[] scores) {
        int best = 0;
        for (int s = 1; s < scores.length; s++) {
            if (scores[s] > scores[best]) {
                best = s;
            }
        }
        return best;
    }

    /** The feature (a signal's last value) of the signal that drives the score of {@code vector}. */
    public int drivingFeature(double[] vector) {
        return lastIndex[drivingSignal(signalScores(vector))];
    }

    private double margin(double score) {
        return platt.margin(score) + Math.log(samplingRatio);
    }

    @Override
    public double probability(double[] vector) {
        return 1 / (1 + Math.exp(-margin(score(vector))));
    }

    /** The whole distance from the margin of a score of 0 goes to the last value of the signal that drives the score. */
    @Override
    public Explanation explain(double[] vector) {
        double[] scores = signalScores(vector);
        int driver = drivingSignal(scores);
        double bias = margin(0);
        double[] contributions = new double[schema.size()];
        contributions[lastIndex[driver]] = margin(scores[driver]) - bias;
        return new Explanation(ExplanationMethod.DRIVING_SIGNAL, bias, contributions);
    }

    @Override
    public byte[] save() {
        ObjectNode document = ModelJson.document(kind.format());
        ModelJson.put(document, "last_index", lastIndex);
        ModelJson.put(document, "slope_index", slopeIndex);
        ModelJson.put(document, "means", means);
        ModelJson.put(document, "stds", stds);
        document.put("horizon_samples", horizonSamples);
        document.put("platt_a", platt.a());
        document.put("platt_b", platt.b());
        document.put("sampling_ratio", samplingRatio);
        return ModelJson.bytes(document);
    }

    /** Loads a stored baseline; throws {@link IllegalArgumentException} when the content is not one for {@code schema}. */
    public static SignalBaseline load(Kind kind, FeatureSchema schema, byte[] content) {
        JsonNode root = ModelJson.parse(content, kind.format());
        int[] last = ModelJson.ints(root, "last_index");
        int[] slope = ModelJson.ints(root, "slope_index");
        for (int s = 0; s < last.length; s++) {
            if (last[s] < 0 || last[s] >= schema.size() || slope[s] >= schema.size()) {
                throw new IllegalArgumentException("stored baseline reads a feature outside schema " + schema.hash());
            }
        }
        return new SignalBaseline(kind, schema, last, slope, ModelJson.doubles(root, "means"),
                ModelJson.doubles(root, "stds"), (int) ModelJson.number(root, "horizon_samples"),
                new PlattScaling(ModelJson.number(root, "platt_a"), ModelJson.number(root, "platt_b")),
                ModelJson.number(root, "sampling_ratio"));
    }
}

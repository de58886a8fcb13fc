package io.downtime.models.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Scores a binary:logistic XGBoost model from its saved JSON form in pure Java: no JNI on the serving path, nothing
 * allocated per tree, native-image friendly. All trees live in flat arrays indexed by global node number.
 * <p>
 * Comparisons follow XGBoost: a value goes left when {@code (float) value < split}, and a missing value follows the
 * node's default direction.
 */
public final class XGBoostJsonScorer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int[] treeRoots;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final float[] split;
    private final boolean[] defaultLeft;
    /** Leaf value for leaves; for every node the cover-weighted mean of the leaves below it. */
    private final double[] expectedValue;
    private final double baseMargin;
    private final int featureCount;
    /** Total loss reduction of the splits on each feature: XGBoost's "total gain" importance. */
    private final double[] totalGain;

    private XGBoostJsonScorer(int[] treeRoots, int[] left, int[] right, int[] feature, float[] split,
                              boolean[] defaultLeft, double[] expectedValue, double baseMargin, int featureCount,
                              double[] totalGain) {
        this.treeRoots = treeRoots;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.split = split;
        this.defaultLeft = defaultLeft;
        this.expectedValue = expectedValue;
        this.baseMargin = baseMargin;
        this.featureCount = featureCount;
        this.totalGain = totalGain;
    }

    /** Parses a model saved by XGBoost in JSON format; throws {@link IllegalArgumentException} when it is not one. */
    public static XGBoostJsonScorer parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("XGBoost model is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode learner = root.path("learner");
        String objective = learner.path("objective").path("name").asText();
        if (!"binary:logistic".equals(objective)) {
            throw new IllegalArgumentException("only binary:logistic XGBoost models are supported, found '" + objective + "'");
        }
        JsonNode trees = learner.path("gradient_booster").path("model").path("trees");
        if (!trees.isArray() || trees.isEmpty()) {
            throw new IllegalArgumentException("XGBoost model has no trees");
        }
        int total = 0;
        for (JsonNode tree : trees) {
            total += tree.path("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] feature = new int[total];
        float[] split = new float[total];
        boolean[] defaultLeft = new boolean[total];
        double[] cover = new double[total];
        double[] expected = new double[total];
        double[] lossChange = new double[total];
        int offset = 0;
        int t = 0;
        for (JsonNode tree : trees) {
            roots[t++] = offset;
            int n = tree.path("left_children").size();
            for (int i = 0; i < n; i++) {
                int l = tree.path("left_children").get(i).asInt();
                int r = tree.path("right_children").get(i).asInt();
                left[offset + i] = l < 0 ? -1 : offset + l;
                right[offset + i] = r < 0 ? -1 : offset + r;
                feature[offset + i] = tree.path("split_indices").get(i).asInt();
                split[offset + i] = (float) tree.path("split_conditions").get(i).asDouble();
                JsonNode dl = tree.path("default_left").get(i);
                defaultLeft[offset + i] = dl.isBoolean() ? dl.asBoolean() : dl.asInt() != 0;
                cover[offset + i] = tree.path("sum_hessian").get(i).asDouble();
                lossChange[offset + i] = tree.path("loss_changes").path(i).asDouble(0);
            }
            expectedValue(offset, left, right, split, cover, expected);
            offset += n;
        }
        JsonNode modelParam = learner.path("learner_model_param");
        double baseScore = Double.parseDouble(modelParam.path("base_score").asText("0.5").replace("[", "").replace("]", ""));
        double baseMargin = Math.log(baseScore / (1 - baseScore));
        int featureCount = modelParam.path("num_feature").asInt();
        double[] totalGain = new double[featureCount];
        for (int node = 0; node < total; node++) {
            if (left[node] >= 0 && feature[node] < featureCount) {
                totalGain[feature[node]] += lossChange[node];
            }
        }
        return new XGBoostJsonScorer(roots, left, right, feature, split, defaultLeft, expected, baseMargin, featureCount,
                totalGain);
    }

    /** Fills {@code expected} for the subtree at {@code node}: leaves hold their value, inner nodes a cover-weighted mean. */
    private static double expectedValue(int node, int[] left, int[] right, float[] split, double[] cover, double[] expected) {
        if (left[node] < 0) {
            expected[node] = split[node];
            return expected[node];
        }
        double l = expectedValue(left[node], left, right, split, cover, expected);
        double r = expectedValue(right[node], left, right, split, cover, expected);
        double weight = cover[left[node]] + cover[right[node]];
        expected[node] = weight > 0 ? (l * cover[left[node]] + r * cover[right[node]]) / weight : (l + r) / 2;
        return expected[node];
    }

    public int featureCount() {
        return featureCount;
    }

    /** Each feature's total gain: the loss reduction of all splits on it, over all trees. */
    public double[] totalGain() {
        return totalGain.clone();
    }

    public int treeCount() {
        return treeRoots.length;
    }

    /** The raw margin (log-odds). */
    public double margin(double[] vector) {
        requireLength(vector);
        double sum = 0;
        for (int root : treeRoots) {
            sum += split[leaf(root, vector)];
        }
        return baseMargin + sum;
    }

    public double probability(double[] vector) {
        return 1 / (1 + Math.exp(-margin(vector)));
    }

    /**
     * Path attribution: walking each tree, the change of the expected value at every split is credited to the split's
     * feature. Contributions plus {@link #bias()} sum to the margin exactly.
     */
    public double[] pathContributions(double[] vector) {
        requireLength(vector);
        double[] contributions = new double[featureCount];
        for (int root : treeRoots) {
            int node = root;
            while (left[node] >= 0) {
                int next = next(node, vector);
                contributions[feature[node]] += expectedValue[next] - expectedValue[node];
                node = next;
            }
        }
        return contributions;
    }

    /** The margin expected before any feature is known: base margin plus every tree's root expectation. */
    public double bias() {
        double sum = baseMargin;
        for (int root : treeRoots) {
            sum += expectedValue[root];
        }
        return sum;
    }

    private int leaf(int node, double[] vector) {
        while (left[node] >= 0) {
            node = next(node, vector);
        }
        return node;
    }

    private int next(int node, double[] vector) {
        double value = vector[feature[node]];
        if (Double.isNaN(value)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        return (float) value < split[node] ? left[node] : right[node];
    }

    private void requireLength(double[] vector) {
        if (vector.length != featureCount) {
            throw new IllegalArgumentException(
                    "vector has " + vector.length + " features but the model expects " + featureCount);
        }
    }
}

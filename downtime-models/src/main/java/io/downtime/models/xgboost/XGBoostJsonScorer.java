package io.downtime.models.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.models.trees.TreeEnsemble;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a binary:logistic XGBoost model from its saved JSON form in pure Java: no JNI on the serving path, nothing
 * allocated per tree, native-image friendly. Comparisons follow XGBoost: a value goes left when
 * {@code (float) value < split}, and a missing value follows the node's default direction.
 */
public final class XGBoostJsonScorer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeEnsemble trees;

    private XGBoostJsonScorer(TreeEnsemble trees) {
        this.trees = trees;
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
        List<TreeEnsemble.Tree> parsed = new ArrayList<>(trees.size());
        for (JsonNode tree : trees) {
            parsed.add(tree(tree));
        }
        JsonNode modelParam = learner.path("learner_model_param");
        double baseScore = Double.parseDouble(modelParam.path("base_score").asText("0.5").replace("[", "").replace("]", ""));
        double baseMargin = Math.log(baseScore / (1 - baseScore));
        int featureCount = modelParam.path("num_feature").asInt();
        return new XGBoostJsonScorer(TreeEnsemble.of(TreeEnsemble.SplitRule.FLOAT_LESS_THAN, parsed, baseMargin,
                featureCount));
    }

    /** One tree; XGBoost keeps a leaf's value in its split condition. */
    private static TreeEnsemble.Tree tree(JsonNode tree) {
        int n = tree.path("left_children").size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] split = new double[n];
        boolean[] defaultLeft = new boolean[n];
        double[] cover = new double[n];
        double[] gain = new double[n];
        for (int i = 0; i < n; i++) {
            left[i] = tree.path("left_children").get(i).asInt();
            right[i] = tree.path("right_children").get(i).asInt();
            feature[i] = tree.path("split_indices").get(i).asInt();
            split[i] = (float) tree.path("split_conditions").get(i).asDouble();
            JsonNode dl = tree.path("default_left").get(i);
            defaultLeft[i] = dl.isBoolean() ? dl.asBoolean() : dl.asInt() != 0;
            cover[i] = tree.path("sum_hessian").get(i).asDouble();
            gain[i] = tree.path("loss_changes").path(i).asDouble(0);
        }
        return new TreeEnsemble.Tree(left, right, feature, split, defaultLeft, split, cover, gain);
    }

    /** The trees, for explanations beyond the margin. */
    public TreeEnsemble trees() {
        return trees;
    }

    public int featureCount() {
        return trees.featureCount();
    }

    /** Each feature's total gain: the loss reduction of all splits on it, over all trees. */
    public double[] totalGain() {
        return trees.totalGain();
    }

    public int treeCount() {
        return trees.treeCount();
    }

    /** The raw margin (log-odds). */
    public double margin(double[] vector) {
        return trees.margin(vector);
    }

    public double probability(double[] vector) {
        return 1 / (1 + Math.exp(-margin(vector)));
    }

    /** Exact TreeSHAP values of the margin; contributions plus {@link #bias()} sum to the margin. */
    public double[] shap(double[] vector) {
        return trees.shap(vector);
    }

    /** The margin expected before any feature is known: base margin plus every tree's root expectation. */
    public double bias() {
        return trees.bias();
    }
}

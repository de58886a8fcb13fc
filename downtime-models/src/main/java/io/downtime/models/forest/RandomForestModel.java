package io.downtime.models.forest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.features.FeatureSchema;
import io.downtime.models.ColumnScaling;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.ModelJson;
import io.downtime.models.trees.TreeEnsemble;

import java.util.ArrayList;
import java.util.List;

/**
 * A random forest: the mean of its trees' leaf probabilities (the vote share), corrected for the negatives left out of
 * training. Trained by smile, stored and scored as a {@link TreeEnsemble}, so serving needs no smile classes and
 * explanations are exact TreeSHAP values. Missing values are replaced by their training means before the trees see
 * them, as in training.
 *
 * @param schema       the features the forest reads
 * @param imputation   training means, for missing values
 * @param trees        trees whose leaf values are already divided among the trees, so they sum to the vote share
 * @param samplingRatio share of negative rows the forest was trained on over the share of positive rows
 */
public record RandomForestModel(FeatureSchema schema, ColumnScaling imputation, TreeEnsemble trees,
                                double samplingRatio) implements DowntimeModel {

    public static final String ALGORITHM = "random-forest";
    private static final String FORMAT = "downtime-random-forest-v1";

    public RandomForestModel {
        if (trees.featureCount() != schema.size() || imputation.size() != schema.size()) {
            throw new IllegalArgumentException("random forest reads " + trees.featureCount()
                    + " features but schema " + schema.hash() + " has " + schema.size());
        }
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    /** The vote share before the correction: what the trees and their explanations add up to. */
    public double voteShare(double[] vector) {
        return Math.max(0, Math.min(1, trees.margin(imputation.impute(vector))));
    }

    @Override
    public double probability(double[] vector) {
        double p = voteShare(vector);
        return samplingRatio * p / (samplingRatio * p + (1 - p));
    }

    @Override
    public Explanation explain(double[] vector) {
        return new Explanation(ExplanationMethod.TREE_SHAP_VOTE_SHARE, trees.bias(), trees.shap(imputation.impute(vector)));
    }

    @Override
    public double[] featureImportance() {
        return trees.totalGain();
    }

    @Override
    public byte[] save() {
        ObjectNode document = ModelJson.document(FORMAT);
        document.put("sampling_ratio", samplingRatio);
        document.put("feature_count", trees.featureCount());
        ModelJson.put(document, "imputation", imputation);
        ArrayNode array = document.putArray("trees");
        for (TreeEnsemble.Tree tree : trees.trees()) {
            ObjectNode node = array.addObject();
            ModelJson.put(node, "left", tree.left());
            ModelJson.put(node, "right", tree.right());
            ModelJson.put(node, "feature", tree.feature());
            ModelJson.put(node, "split", tree.split());
            ModelJson.put(node, "value", tree.leafValue());
            ModelJson.put(node, "cover", tree.cover());
            ModelJson.put(node, "gain", tree.gain());
        }
        return ModelJson.bytes(document);
    }

    /** Loads a stored forest; throws {@link IllegalArgumentException} when the content is not one for {@code schema}. */
    public static RandomForestModel load(FeatureSchema schema, byte[] content) {
        JsonNode root = ModelJson.parse(content, FORMAT);
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        for (JsonNode node : root.path("trees")) {
            int[] left = ModelJson.ints(node, "left");
            trees.add(new TreeEnsemble.Tree(left, ModelJson.ints(node, "right"), ModelJson.ints(node, "feature"),
                    ModelJson.doubles(node, "split"), new boolean[left.length], ModelJson.doubles(node, "value"),
                    ModelJson.doubles(node, "cover"), ModelJson.doubles(node, "gain")));
        }
        TreeEnsemble ensemble = TreeEnsemble.of(TreeEnsemble.SplitRule.LESS_OR_EQUAL, trees, 0,
                (int) ModelJson.number(root, "feature_count"));
        return new RandomForestModel(schema, ModelJson.scaling(root, "imputation"), ensemble,
                ModelJson.number(root, "sampling_ratio"));
    }
}

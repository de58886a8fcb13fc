package io.downtime.models.forest;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.TrainingSample;
import io.downtime.models.trees.TreeEnsemble;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Trains a random forest with smile on a sample of the rows balanced towards the positives ({@link TrainingSample}) and converts
 * its trees into a {@link TreeEnsemble}.
 */
public final class RandomForestTrainer {

    private static final String LABEL = "label";

    private static final Field SPLIT_VALUE;

    static {
        try {
            // smile keeps the split value of an ordinal node in a package-private field with no accessor.
            SPLIT_VALUE = OrdinalNode.class.getDeclaredField("value");
            SPLIT_VALUE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ForestSettings settings;

    public RandomForestTrainer(ForestSettings settings) {
        this.settings = settings;
    }

    public RandomForestModel train(LabelledRows rows) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        int features = rows.schema().size();
        ColumnScaling imputation = ColumnScaling.fit(sample.vectors(), features);
        double[][] imputed = new double[sample.size()][];
        for (int r = 0; r < imputed.length; r++) {
            imputed[r] = imputation.impute(sample.vectors()[r]);
        }
        String[] names = IntStream.range(0, features).mapToObj(i -> "x" + i).toArray(String[]::new);
        DataFrame frame = DataFrame.of(imputed, names).merge(IntVector.of(LABEL, sample.intLabels()));
        int mtry = settings.featuresPerSplit() > 0 ? settings.featuresPerSplit()
                : Math.max(1, (int) Math.sqrt(features));
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), frame, settings.trees(), mtry, SplitRule.GINI,
                settings.maxDepth(), Integer.MAX_VALUE, settings.nodeSize(), 1.0, null,
                LongStream.range(settings.seed(), settings.seed() + settings.trees()));
        return new RandomForestModel(rows.schema(), imputation, ensemble(forest, features), sample.samplingRatio());
    }

    /** The forest's trees, each leaf weighted as smile weighs its tree's vote. */
    static TreeEnsemble ensemble(RandomForest forest, int features) {
        RandomForest.Model[] models = forest.models();
        double totalWeight = 0;
        for (RandomForest.Model model : models) {
            totalWeight += model.weight;
        }
        List<TreeEnsemble.Tree> trees = new ArrayList<>(models.length);
        for (RandomForest.Model model : models) {
            trees.add(convert(model.tree, model.weight / totalWeight));
        }
        return TreeEnsemble.of(TreeEnsemble.SplitRule.LESS_OR_EQUAL, trees, 0, features);
    }

    /** One smile tree as arrays, its leaves holding the positive class's posterior times the tree's weight. */
    private static TreeEnsemble.Tree convert(DecisionTree tree, double weight) {
        List<Node> nodes = new ArrayList<>();
        collect(tree.root(), nodes);
        int n = nodes.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] split = new double[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        double[] gain = new double[n];
        IdentityHashMap<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node instanceof OrdinalNode inner) {
                left[i] = index.get(inner.trueChild());
                right[i] = index.get(inner.falseChild());
                feature[i] = inner.feature();
                split[i] = splitValue(inner);
                cover[i] = inner.size();
                gain[i] = inner.score();
            } else if (node instanceof DecisionNode leaf) {
                left[i] = -1;
                right[i] = -1;
                value[i] = weight * DecisionNode.posteriori(leaf.count(), new double[2])[1];
                cover[i] = leaf.size();
            } else {
                throw new IllegalStateException("unexpected node type in a smile tree: " + node.getClass().getName());
            }
        }
        return new TreeEnsemble.Tree(left, right, feature, split, new boolean[n], value, cover, gain);
    }

    /** Pre-order, so every child comes after its parent. */
    private static void collect(Node node, List<Node> nodes) {
        nodes.add(node);
        if (node instanceof InternalNode inner) {
            collect(inner.trueChild(), nodes);
            collect(inner.falseChild(), nodes);
        }
    }

    private static double splitValue(OrdinalNode node) {
        try {
            return SPLIT_VALUE.getDouble(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a smile tree's split value", e);
        }
    }
}

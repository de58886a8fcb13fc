package io.downtime.models.trees;

import java.util.Arrays;
import java.util.List;

/**
 * Binary decision trees whose leaf values add up to a margin: XGBoost's boosted trees and a random forest's averaged
 * trees alike. Scored in pure Java with every tree in flat arrays indexed by global node number, so nothing is
 * allocated per tree on the serving path.
 * <p>
 * A missing value ({@code NaN}) follows the node's default direction. How a present value is compared is the
 * ensemble's {@link SplitRule}.
 */
public final class TreeEnsemble {

    /** How a present value chooses the left child. */
    public enum SplitRule {
        /** XGBoost: left when {@code (float) value < split}. */
        FLOAT_LESS_THAN,
        /** CART (smile): left when {@code value <= split}. */
        LESS_OR_EQUAL
    }

    private final SplitRule rule;
    private final List<Tree> trees;
    private final int[] roots;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final double[] split;
    private final boolean[] defaultLeft;
    /** Leaf value for leaves; for every node the cover-weighted mean of the leaves below it. */
    private final double[] expectedValue;
    private final double[] cover;
    private final double base;
    private final int featureCount;
    private final double[] gain;
    /** Edges on the longest root-to-leaf path of any tree: bounds the TreeSHAP path buffers. */
    private final int depth;
    /** TreeSHAP tabulated per leaf, or null when the trees are too deep for tables (then it recurses). */
    private final LeafShapTables shapTables;
    private final LeafShapTables.Router router = this::goesLeft;

    private TreeEnsemble(SplitRule rule, List<Tree> trees, int[] roots, int[] left, int[] right, int[] feature, double[] split,
                         boolean[] defaultLeft, double[] leafValue, double[] cover, double base, int featureCount,
                         double[] gain) {
        this.rule = rule;
        this.trees = trees;
        this.roots = roots;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.split = split;
        this.defaultLeft = defaultLeft;
        this.cover = cover;
        this.base = base;
        this.featureCount = featureCount;
        this.gain = gain;
        this.expectedValue = new double[left.length];
        int deepest = 0;
        for (int root : roots) {
            expectedValue(root, leafValue);
            deepest = Math.max(deepest, depth(root));
        }
        this.depth = deepest;
        this.shapTables = LeafShapTables.build(roots, left, right, feature, cover, leafValue);
    }

    private int depth(int node) {
        return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /**
     * One tree in arrays indexed by its local node number, root at 0; leaves have {@code left = right = -1}.
     *
     * @param left        left child of each node
     * @param right       right child of each node
     * @param feature     feature index each inner node splits on
     * @param split       split value of each inner node
     * @param defaultLeft whether a missing value goes left
     * @param leafValue   value of each leaf (ignored on inner nodes)
     * @param cover       training weight (rows or hessian) reaching each node, for expectations and TreeSHAP
     * @param gain        loss reduction of each inner node's split, for importance
     */
    public record Tree(int[] left, int[] right, int[] feature, double[] split, boolean[] defaultLeft,
                       double[] leafValue, double[] cover, double[] gain) {

        public Tree {
            int n = left.length;
            if (n == 0 || right.length != n || feature.length != n || split.length != n || defaultLeft.length != n
                    || leafValue.length != n || cover.length != n || gain.length != n) {
                throw new IllegalArgumentException("a tree needs at least one node and the same length for every array");
            }
            for (int i = 0; i < n; i++) {
                boolean leaf = left[i] < 0;
                if (leaf != right[i] < 0 || (!leaf && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n))) {
                    throw new IllegalArgumentException("node " + i + " has invalid children " + left[i] + ", " + right[i]);
                }
            }
        }

        public int size() {
            return left.length;
        }
    }

    /**
     * @param rule         how present values are compared with splits
     * @param trees        the trees, whose leaf values add up
     * @param base         added to the sum of the leaves: the margin (log-odds for XGBoost) before any tree
     * @param featureCount length of the vectors the trees read
     * @throws IllegalArgumentException when a tree reads a feature beyond {@code featureCount}
     */
    public static TreeEnsemble of(SplitRule rule, List<Tree> trees, double base, int featureCount) {
        int total = 0;
        int count = 0;
        for (Tree tree : trees) {
            total += tree.size();
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("a tree ensemble needs at least one tree");
        }
        int[] roots = new int[count];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] feature = new int[total];
        double[] split = new double[total];
        boolean[] defaultLeft = new boolean[total];
        double[] leafValue = new double[total];
        double[] cover = new double[total];
        double[] gain = new double[featureCount];
        int offset = 0;
        int t = 0;
        for (Tree tree : trees) {
            roots[t++] = offset;
            for (int i = 0; i < tree.size(); i++) {
                int node = offset + i;
                boolean leaf = tree.left()[i] < 0;
                left[node] = leaf ? -1 : offset + tree.left()[i];
                right[node] = leaf ? -1 : offset + tree.right()[i];
                feature[node] = leaf ? 0 : tree.feature()[i];
                if (!leaf && (feature[node] < 0 || feature[node] >= featureCount)) {
                    throw new IllegalArgumentException("a split reads feature " + feature[node] + " of a "
                            + featureCount + "-feature vector");
                }
                split[node] = tree.split()[i];
                defaultLeft[node] = tree.defaultLeft()[i];
                leafValue[node] = tree.leafValue()[i];
                cover[node] = tree.cover()[i];
                if (!leaf) {
                    gain[feature[node]] += tree.gain()[i];
                }
            }
            offset += tree.size();
        }
        return new TreeEnsemble(rule, List.copyOf(trees), roots, left, right, feature, split, defaultLeft, leafValue, cover, base,
                featureCount, gain);
    }

    private double expectedValue(int node, double[] leafValue) {
        if (left[node] < 0) {
            expectedValue[node] = leafValue[node];
            return expectedValue[node];
        }
        double l = expectedValue(left[node], leafValue);
        double r = expectedValue(right[node], leafValue);
        double weight = cover[left[node]] + cover[right[node]];
        expectedValue[node] = weight > 0 ? (l * cover[left[node]] + r * cover[right[node]]) / weight : (l + r) / 2;
        return expectedValue[node];
    }

    public int featureCount() {
        return featureCount;
    }

    public SplitRule rule() {
        return rule;
    }

    /** The trees as given, for storing the ensemble. */
    public List<Tree> trees() {
        return trees;
    }

    public double base() {
        return base;
    }

    public int treeCount() {
        return roots.length;
    }

    /** Each feature's total gain: the loss reduction of all splits on it, over all trees. */
    public double[] totalGain() {
        return gain.clone();
    }

    /** The base plus every tree's leaf for {@code vector}. */
    public double margin(double[] vector) {
        requireLength(vector);
        double sum = base;
        for (int root : roots) {
            int node = root;
            while (left[node] >= 0) {
                node = next(node, vector);
            }
            sum += expectedValue[node];
        }
        return sum;
    }

    /** The margin expected before any feature is known: the base plus every tree's cover-weighted mean. */
    public double bias() {
        double sum = base;
        for (int root : roots) {
            sum += expectedValue[root];
        }
        return sum;
    }

    /**
     * Exact SHAP values of the margin (Lundberg et al., "Consistent individualized feature attribution for tree
     * ensembles", algorithm 2, path-dependent): contributions plus {@link #bias()} sum to the margin, and unlike path
     * attribution (Saabas) they are consistent (a feature the model relies on more never gets less credit). Shallow trees
     * (XGBoost's) are explained from per-leaf tables built at load time, deep ones by the recursive algorithm.
     */
    public double[] shap(double[] vector) {
        if (shapTables == null) {
            return shapByRecursion(vector);
        }
        requireLength(vector);
        double[] phi = new double[featureCount];
        shapTables.addShap(vector, router, new boolean[left.length], phi);
        return phi;
    }

    /** Whether {@link #shap} uses per-leaf tables. */
    boolean tabulatesShap() {
        return shapTables != null;
    }

    /** TreeSHAP by the recursive algorithm, whatever the depth. */
    double[] shapByRecursion(double[] vector) {
        requireLength(vector);
        double[] phi = new double[featureCount];
        // One path per tree level, reused by every tree: a node's path extends its parent's one level down.
        ShapPath[] paths = ShapPath.forDepth(depth);
        for (int root : roots) {
            recurse(root, vector, phi, paths, 0, 1, 1, -1);
        }
        return phi;
    }

    private void recurse(int node, double[] vector, double[] phi, ShapPath[] paths, int level, double zeroFraction,
                         double oneFraction, int featureIndex) {
        ShapPath path = paths[level + 1].extend(paths[level], zeroFraction, oneFraction, featureIndex);
        if (left[node] < 0) {
            for (int i = 1; i < path.length; i++) {
                double difference = path.one[i] - path.zero[i];
                if (difference != 0) {
                    phi[path.feature[i]] += path.unwoundSum(i) * difference * expectedValue[node];
                }
            }
            return;
        }
        int hot = next(node, vector);
        int cold = hot == left[node] ? right[node] : left[node];
        double incomingZero = 1;
        double incomingOne = 1;
        int seen = path.indexOf(feature[node]);
        if (seen > 0) {
            incomingZero = path.zero[seen];
            incomingOne = path.one[seen];
            path.unwind(seen);
        }
        double here = cover[hot] + cover[cold];
        recurse(hot, vector, phi, paths, level + 1, here > 0 ? incomingZero * cover[hot] / here : 0, incomingOne,
                feature[node]);
        recurse(cold, vector, phi, paths, level + 1, here > 0 ? incomingZero * cover[cold] / here : 0, 0,
                feature[node]);
    }

    private boolean goesLeft(int node, double[] vector) {
        return next(node, vector) == left[node];
    }

    private int next(int node, double[] vector) {
        double value = vector[feature[node]];
        if (Double.isNaN(value)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        boolean goesLeft = rule == SplitRule.FLOAT_LESS_THAN ? (float) value < split[node] : value <= split[node];
        return goesLeft ? left[node] : right[node];
    }

    private void requireLength(double[] vector) {
        if (vector.length != featureCount) {
            throw new IllegalArgumentException(
                    "vector has " + vector.length + " features but the model expects " + featureCount);
        }
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + roots.length + " trees, " + left.length + " nodes, " + featureCount + " features, "
                + rule + ", base " + base + ", gain " + Arrays.stream(gain).sum() + "]";
    }
}

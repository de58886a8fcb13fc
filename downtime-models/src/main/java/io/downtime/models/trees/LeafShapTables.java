package io.downtime.models.trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Path-dependent TreeSHAP with each leaf's share worked out when the model is loaded (the idea of Fast TreeSHAP v2,
 * Yang 2021). A leaf's contribution to each feature on its path depends only on the cover fractions of the path,
 * fixed by training, and on which of those features the row follows the path on; so it is tabulated for every such
 * combination, and explaining a row is a walk over the leaves with one table lookup each: O(leaves x depth) per tree
 * instead of O(leaves x depth^2) with divisions. Tables grow as 2^depth per leaf, so deep trees (random forests) are
 * left to the recursive algorithm.
 */
final class LeafShapTables {

    /** Most table entries built (16 MiB of doubles): XGBoost's shallow trees fit many times over, forests do not. */
    static final long BUDGET = 1L << 21;
    /** Unique features on one path at most (masks are ints). */
    private static final int MAX_PATH_FEATURES = 20;

    /** Leaves of tree {@code t}: {@code [treeLeaves[t], treeLeaves[t + 1])}. */
    private final int[] treeLeaves;
    /** Splits on the path of leaf {@code k}: {@code [leafSplits[k], leafSplits[k + 1])}. */
    private final int[] leafSplits;
    private final int[] splitNode;
    private final boolean[] splitGoesLeft;
    /** Which of its leaf's unique features (0, 1, ...) the split tests. */
    private final int[] splitSlot;
    /** Unique features of leaf {@code k}: {@code uniqueFeature[leafFeatures[k] ...]}, {@code [.., leafFeatures[k + 1])}. */
    private final int[] leafFeatures;
    private final int[] uniqueFeature;
    /** Contribution of leaf {@code k} to its slot {@code s} when the row follows the path on the slots in {@code mask}. */
    private final int[] tableStart;
    private final double[] table;
    /** Every inner node of the ensemble. */
    private final int[] innerNodes;

    private LeafShapTables(int[] treeLeaves, int[] leafSplits, int[] splitNode, boolean[] splitGoesLeft,
                           int[] splitSlot, int[] leafFeatures, int[] uniqueFeature, int[] tableStart, double[] table,
                           int[] innerNodes) {
        this.treeLeaves = treeLeaves;
        this.leafSplits = leafSplits;
        this.splitNode = splitNode;
        this.splitGoesLeft = splitGoesLeft;
        this.splitSlot = splitSlot;
        this.leafFeatures = leafFeatures;
        this.uniqueFeature = uniqueFeature;
        this.tableStart = tableStart;
        this.table = table;
        this.innerNodes = innerNodes;
    }

    /** Which way a row goes at an inner node. */
    interface Router {
        boolean goesLeft(int node, double[] vector);
    }

    /** The tables of the trees at {@code roots}, or null when they would exceed {@link #BUDGET}. */
    static LeafShapTables build(int[] roots, int[] left, int[] right, int[] feature, double[] cover,
                                double[] leafValue) {
        List<Leaf> leaves = new ArrayList<>();
        int[] treeLeaves = new int[roots.length + 1];
        long entries = 0;
        for (int t = 0; t < roots.length; t++) {
            collect(roots[t], new Leaf(-1), left, right, leaves);
            treeLeaves[t + 1] = leaves.size();
        }
        for (Leaf leaf : leaves) {
            int count = leaf.features(feature).size();
            if (count > MAX_PATH_FEATURES) {
                return null;
            }
            entries += (long) count << count;
            if (entries > BUDGET) {
                return null;
            }
        }
        int splits = leaves.stream().mapToInt(l -> l.nodes.size()).sum();
        int[] leafSplits = new int[leaves.size() + 1];
        int[] splitNode = new int[splits];
        boolean[] splitGoesLeft = new boolean[splits];
        int[] splitSlot = new int[splits];
        int[] leafFeatures = new int[leaves.size() + 1];
        List<Integer> unique = new ArrayList<>();
        int[] tableStart = new int[leaves.size()];
        double[] table = new double[(int) entries];
        int at = 0;
        int tableAt = 0;
        for (int k = 0; k < leaves.size(); k++) {
            Leaf leaf = leaves.get(k);
            List<Integer> features = leaf.features(feature);
            double[] zero = new double[features.size()];
            Arrays.fill(zero, 1);
            for (int s = 0; s < leaf.nodes.size(); s++) {
                int node = leaf.nodes.get(s);
                int child = leaf.wentLeft.get(s) ? left[node] : right[node];
                double here = cover[left[node]] + cover[right[node]];
                int slot = features.indexOf(feature[node]);
                zero[slot] *= here > 0 ? cover[child] / here : 0;
                splitNode[at] = node;
                splitGoesLeft[at] = leaf.wentLeft.get(s);
                splitSlot[at] = slot;
                at++;
            }
            leafSplits[k + 1] = at;
            unique.addAll(features);
            leafFeatures[k + 1] = unique.size();
            tableStart[k] = tableAt;
            tabulate(zero, leafValue[leaf.node], table, tableAt);
            tableAt += features.size() << features.size();
        }
        int[] innerNodes = IntStream.of(splitNode).distinct().sorted().toArray();
        return new LeafShapTables(treeLeaves, leafSplits, splitNode, splitGoesLeft, splitSlot, leafFeatures,
                unique.stream().mapToInt(Integer::intValue).toArray(), tableStart, table, innerNodes);
    }

    /**
     * Adds the SHAP values of every tree for {@code vector} to {@code phi}. {@code goesLeft} is scratch space, one
     * entry per node of the ensemble: each inner node is routed once, not once per leaf below it.
     */
    void addShap(double[] vector, Router router, boolean[] goesLeft, double[] phi) {
        for (int node : innerNodes) {
            goesLeft[node] = router.goesLeft(node, vector);
        }
        for (int t = 0; t + 1 < treeLeaves.length; t++) {
            for (int k = treeLeaves[t]; k < treeLeaves[t + 1]; k++) {
                int first = leafFeatures[k];
                int count = leafFeatures[k + 1] - first;
                int mask = (1 << count) - 1;
                for (int s = leafSplits[k]; s < leafSplits[k + 1]; s++) {
                    if (goesLeft[splitNode[s]] != splitGoesLeft[s]) {
                        mask &= ~(1 << splitSlot[s]);
                    }
                }
                int base = tableStart[k] + mask * count;
                for (int slot = 0; slot < count; slot++) {
                    phi[uniqueFeature[first + slot]] += table[base + slot];
                }
            }
        }
    }

    /** For every mask, the leaf's contribution to each slot: the recursive algorithm's leaf step on that path. */
    private static void tabulate(double[] zero, double value, double[] table, int start) {
        int count = zero.length;
        ShapPath[] paths = ShapPath.forDepth(count);
        for (int mask = 0; mask < 1 << count; mask++) {
            ShapPath path = paths[1].extend(paths[0], 1, 1, -1);
            for (int slot = 0; slot < count; slot++) {
                path = paths[slot + 2].extend(path, zero[slot], (mask >> slot & 1), slot);
            }
            for (int i = 1; i < path.length; i++) {
                double difference = path.one[i] - path.zero[i];
                table[start + mask * count + path.feature[i]] =
                        difference == 0 ? 0 : path.unwoundSum(i) * difference * value;
            }
        }
    }

    /** Adds every leaf below {@code node} to {@code leaves}, each with the splits of {@code trail} and below. */
    private static void collect(int node, Leaf trail, int[] left, int[] right, List<Leaf> leaves) {
        if (left[node] < 0) {
            Leaf leaf = new Leaf(node);
            leaf.nodes.addAll(trail.nodes);
            leaf.wentLeft.addAll(trail.wentLeft);
            leaves.add(leaf);
            return;
        }
        trail.nodes.add(node);
        trail.wentLeft.add(true);
        collect(left[node], trail, left, right, leaves);
        trail.wentLeft.set(trail.wentLeft.size() - 1, false);
        collect(right[node], trail, left, right, leaves);
        trail.nodes.remove(trail.nodes.size() - 1);
        trail.wentLeft.remove(trail.wentLeft.size() - 1);
    }

    /** A leaf and the splits from its tree's root to it. */
    private static final class Leaf {
        final int node;
        final List<Integer> nodes = new ArrayList<>();
        final List<Boolean> wentLeft = new ArrayList<>();

        Leaf(int node) {
            this.node = node;
        }

        /** The distinct features tested on the path, in order of first test. */
        List<Integer> features(int[] feature) {
            List<Integer> features = new ArrayList<>();
            for (int node : nodes) {
                if (!features.contains(feature[node])) {
                    features.add(feature[node]);
                }
            }
            return features;
        }
    }
}

package io.downtime.models.trees;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tabulated TreeSHAP equals the recursive algorithm, and deep trees fall back to the recursion. */
class TreeShapTablesTest {

    private static final int FEATURES = 6;

    @Test
    void tablesGiveTheSameShapValuesAsTheRecursion() {
        SplittableRandom random = new SplittableRandom(3);
        for (int depth = 1; depth <= 6; depth++) {
            TreeEnsemble ensemble = ensemble(40, depth, random);
            assertTrue(ensemble.tabulatesShap(), "depth " + depth);
            for (int r = 0; r < 300; r++) {
                double[] row = row(random);
                double[] tabulated = ensemble.shap(row);
                double[] recursive = ensemble.shapByRecursion(row);
                double sum = ensemble.bias();
                for (int f = 0; f < FEATURES; f++) {
                    assertEquals(recursive[f], tabulated[f], 1e-12, "depth " + depth + ", feature " + f);
                    sum += tabulated[f];
                }
                assertEquals(ensemble.margin(row), sum, 1e-9, "contributions plus bias are the margin");
            }
        }
    }

    @Test
    void treesTooDeepForTablesAreExplainedByRecursion() {
        SplittableRandom random = new SplittableRandom(5);
        TreeEnsemble deep = ensemble(200, 12, random);
        assertFalse(deep.tabulatesShap());
        double[] row = row(random);
        double sum = deep.bias();
        for (double contribution : deep.shap(row)) {
            sum += contribution;
        }
        assertEquals(deep.margin(row), sum, 1e-9);
    }

    /** Full trees of {@code depth} on few features (so paths repeat features), uneven covers, some missing values. */
    private static TreeEnsemble ensemble(int trees, int depth, SplittableRandom random) {
        List<TreeEnsemble.Tree> list = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            int nodes = (1 << (depth + 1)) - 1;
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] feature = new int[nodes];
            double[] split = new double[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            double[] leafValue = new double[nodes];
            double[] cover = new double[nodes];
            double[] gain = new double[nodes];
            for (int n = 0; n < nodes; n++) {
                boolean leaf = 2 * n + 1 >= nodes;
                left[n] = leaf ? -1 : 2 * n + 1;
                right[n] = leaf ? -1 : 2 * n + 2;
                feature[n] = leaf ? 0 : random.nextInt(FEATURES);
                split[n] = random.nextDouble();
                defaultLeft[n] = random.nextBoolean();
                leafValue[n] = leaf ? random.nextGaussian() : 0;
                gain[n] = leaf ? 0 : random.nextDouble();
            }
            for (int n = nodes - 1; n >= 0; n--) {
                cover[n] = left[n] < 0 ? 1 + random.nextInt(100) : cover[left[n]] + cover[right[n]];
            }
            list.add(new TreeEnsemble.Tree(left, right, feature, split, defaultLeft, leafValue, cover, gain));
        }
        return TreeEnsemble.of(TreeEnsemble.SplitRule.LESS_OR_EQUAL, list, 0.3, FEATURES);
    }

    private static double[] row(SplittableRandom random) {
        double[] row = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            row[f] = random.nextDouble() < 0.1 ? Double.NaN : random.nextDouble();
        }
        return row;
    }
}

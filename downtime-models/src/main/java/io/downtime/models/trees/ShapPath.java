package io.downtime.models.trees;

/**
 * The path of path-dependent TreeSHAP (Lundberg et al., algorithm 2): the unique features from the root to a node,
 * with the fractions of "zero" paths (feature unknown: cover-weighted) and "one" paths (feature known: the row's way)
 * through them, and the permutation weights. The ratios of path positions the algorithm multiplies by come from
 * tables, so the inner loops do not divide.
 */
final class ShapPath {

    final int[] feature;
    final double[] zero;
    final double[] one;
    final double[] weight;
    int length;
    /** {@code up[l][i] = (i + 1) / (l + 1)}, {@code down[l][i] = (l - i) / (l + 1)}, and their inverses. */
    private final double[][] up;
    private final double[][] down;
    private final double[][] upInverse;
    private final double[][] downInverse;

    private ShapPath(int capacity, double[][] up, double[][] down, double[][] upInverse, double[][] downInverse) {
        feature = new int[capacity];
        zero = new double[capacity];
        one = new double[capacity];
        weight = new double[capacity];
        this.up = up;
        this.down = down;
        this.upInverse = upInverse;
        this.downInverse = downInverse;
    }

    /** Paths for every level of trees {@code depth} deep, sharing one set of ratio tables. */
    static ShapPath[] forDepth(int depth) {
        int capacity = depth + 2;
        double[][] up = new double[capacity][];
        double[][] down = new double[capacity][];
        double[][] upInverse = new double[capacity][];
        double[][] downInverse = new double[capacity][];
        for (int l = 0; l < capacity; l++) {
            up[l] = new double[l + 1];
            down[l] = new double[l + 1];
            upInverse[l] = new double[l + 1];
            downInverse[l] = new double[l + 1];
            for (int i = 0; i <= l; i++) {
                up[l][i] = (i + 1) / (double) (l + 1);
                down[l][i] = (l - i) / (double) (l + 1);
                upInverse[l][i] = (l + 1) / (double) (i + 1);
                downInverse[l][i] = i < l ? (l + 1) / (double) (l - i) : 0;
            }
        }
        ShapPath[] paths = new ShapPath[capacity];
        for (int level = 0; level < capacity; level++) {
            paths[level] = new ShapPath(capacity, up, down, upInverse, downInverse);
        }
        return paths;
    }

    /** Becomes {@code parent} extended by one feature; returns itself. */
    ShapPath extend(ShapPath parent, double zeroFraction, double oneFraction, int featureIndex) {
        int l = parent.length;
        System.arraycopy(parent.feature, 0, feature, 0, l);
        System.arraycopy(parent.zero, 0, zero, 0, l);
        System.arraycopy(parent.one, 0, one, 0, l);
        System.arraycopy(parent.weight, 0, weight, 0, l);
        feature[l] = featureIndex;
        zero[l] = zeroFraction;
        one[l] = oneFraction;
        weight[l] = l == 0 ? 1 : 0;
        double[] upL = up[l];
        double[] downL = down[l];
        for (int i = l - 1; i >= 0; i--) {
            weight[i + 1] += oneFraction * weight[i] * upL[i];
            weight[i] = zeroFraction * weight[i] * downL[i];
        }
        length = l + 1;
        return this;
    }

    int indexOf(int featureIndex) {
        for (int i = 1; i < length; i++) {
            if (feature[i] == featureIndex) {
                return i;
            }
        }
        return -1;
    }

    void unwind(int i) {
        int l = length - 1;
        double n = weight[l];
        if (one[i] != 0) {
            double oneInverse = 1 / one[i];
            double zeroI = zero[i];
            for (int j = l - 1; j >= 0; j--) {
                double t = weight[j];
                weight[j] = n * upInverse[l][j] * oneInverse;
                n = t - weight[j] * zeroI * down[l][j];
            }
        } else {
            double zeroInverse = 1 / zero[i];
            for (int j = l - 1; j >= 0; j--) {
                weight[j] = weight[j] * downInverse[l][j] * zeroInverse;
            }
        }
        for (int j = i; j < l; j++) {
            feature[j] = feature[j + 1];
            zero[j] = zero[j + 1];
            one[j] = one[j + 1];
        }
        length = l;
    }

    double unwoundSum(int i) {
        int l = length - 1;
        double total = 0;
        if (one[i] != 0) {
            double oneInverse = 1 / one[i];
            double zeroI = zero[i];
            double[] upInverseL = upInverse[l];
            double[] downL = down[l];
            double n = weight[l];
            for (int j = l - 1; j >= 0; j--) {
                double t = n * upInverseL[j] * oneInverse;
                total += t;
                n = weight[j] - t * zeroI * downL[j];
            }
        } else if (zero[i] != 0) {
            double[] downInverseL = downInverse[l];
            double sum = 0;
            for (int j = l - 1; j >= 0; j--) {
                sum += weight[j] * downInverseL[j];
            }
            total = sum / zero[i];
        }
        return total;
    }
}

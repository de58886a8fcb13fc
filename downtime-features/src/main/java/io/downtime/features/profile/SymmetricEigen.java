package io.downtime.features.profile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding for a few dozen signals). */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private SymmetricEigen() {
    }

    /**
     * The unit eigenvectors of the largest eigenvalues that together explain {@code share} of the trace, largest
     * first; none when the matrix is zero.
     */
    static double[][] leading(double[][] symmetric, double share) {
        int n = symmetric.length;
        double[][] a = Arrays.stream(symmetric).map(double[]::clone).toArray(double[][]::new);
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double trace = IntStream.range(0, n).mapToDouble(i -> Math.max(0, a[i][i])).sum();
        if (trace <= 0) {
            return new double[0][];
        }
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -a[i][i]))
                .toArray(Integer[]::new);
        double explained = 0;
        int kept = 0;
        while (kept < n && explained < share * trace) {
            explained += Math.max(0, a[order[kept]][order[kept]]);
            kept++;
        }
        double[][] vectors = new double[kept][n];
        for (int k = 0; k < kept; k++) {
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][order[k]];
            }
        }
        return vectors;
    }
}

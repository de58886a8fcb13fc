package io.downtime.models;

/**
 * Turns a score into a probability with {@code 1 / (1 + exp(-(a · score + b)))}, {@code a} and {@code b} fitted by
 * maximum likelihood on training scores (Platt 1999, with the target smoothing and the Newton iteration of Lin, Lin
 * and Weng 2007).
 *
 * @param a slope on the score
 * @param b intercept
 */
public record PlattScaling(double a, double b) {

    /** The margin (log-odds) of {@code score}. */
    public double margin(double score) {
        return a * score + b;
    }

    public static PlattScaling fit(double[] scores, byte[] labels) {
        int n = scores.length;
        double positives = 0;
        for (byte label : labels) {
            positives += label;
        }
        double negatives = n - positives;
        double highTarget = (positives + 1) / (positives + 2);
        double lowTarget = 1 / (negatives + 2);
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = labels[i] == 1 ? highTarget : lowTarget;
        }
        double a = 0;
        double b = Math.log((negatives + 1) / (positives + 1));
        double minimumStep = 1e-10;
        double sigma = 1e-12;
        double value = objective(scores, target, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double f = scores[i] * a + b;
                double p;
                double q;
                if (f >= 0) {
                    p = Math.exp(-f) / (1 + Math.exp(-f));
                    q = 1 / (1 + Math.exp(-f));
                } else {
                    p = 1 / (1 + Math.exp(f));
                    q = Math.exp(f) / (1 + Math.exp(f));
                }
                double d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                double d1 = target[i] - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            while (step >= minimumStep) {
                double newA = a + step * da;
                double newB = b + step * db;
                double newValue = objective(scores, target, newA, newB);
                if (newValue < value + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    value = newValue;
                    break;
                }
                step /= 2;
            }
            if (step < minimumStep) {
                break;
            }
        }
        // Platt's convention is p = 1 / (1 + exp(a·s + b)); ours is the logistic of the margin.
        return new PlattScaling(-a, -b);
    }

    private static double objective(double[] scores, double[] target, double a, double b) {
        double value = 0;
        for (int i = 0; i < scores.length; i++) {
            double f = scores[i] * a + b;
            value += f >= 0 ? target[i] * f + Math.log1p(Math.exp(-f)) : (target[i] - 1) * f + Math.log1p(Math.exp(f));
        }
        return value;
    }
}

package io.downtime.models.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Row-level quality of scores against 0/1 labels. */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    /** Counts at one threshold: a row is an alarm when its score is at least the threshold. */
    public record Confusion(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

        public static Confusion at(double[] scores, byte[] labels, double threshold) {
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean alarm = scores[i] >= threshold;
                if (labels[i] == 1) {
                    if (alarm) tp++; else fn++;
                } else {
                    if (alarm) fp++; else tn++;
                }
            }
            return new Confusion(tp, fp, tn, fn);
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double accuracy() {
            long all = truePositives + falsePositives + trueNegatives + falseNegatives;
            return all == 0 ? 0 : (double) (truePositives + trueNegatives) / all;
        }
    }

    /** Rows of one score, from the highest score down: the curves step once per distinct score. */
    private record Step(double score, long positives, long negatives) {
    }

    private static List<Step> steps(double[] scores, byte[] labels) {
        for (int k = 0; k < scores.length; k++) {
            if (Double.isNaN(scores[k])) {
                throw new IllegalArgumentException("the score of row " + k + " is NaN; every row needs a score");
            }
        }
        Integer[] order = byScoreDescending(scores);
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < order.length) {
            int j = i;
            long positives = 0;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                positives += labels[order[j]];
                j++;
            }
            steps.add(new Step(scores[order[i]], positives, j - i - positives));
            i = j;
        }
        return steps;
    }

    private static long positives(byte[] labels) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == 1).count();
    }

    /**
     * Area under the precision-recall curve as average precision: the mean, over positives, of the precision at
     * the rank of each positive; tied scores are taken as one step.
     */
    public static double prAuc(double[] scores, byte[] labels) {
        long positives = positives(labels);
        if (positives == 0) {
            return Double.NaN;
        }
        double area = 0;
        long tp = 0;
        long seen = 0;
        for (Step step : steps(scores, labels)) {
            tp += step.positives();
            seen += step.positives() + step.negatives();
            area += (double) step.positives() / positives * tp / seen;
        }
        return area;
    }

    /**
     * Area under the ROC curve: the chance that a random positive row scores above a random negative one (ties count
     * half), from the rank sum; {@code NaN} without both classes.
     */
    public static double rocAuc(double[] scores, byte[] labels) {
        long positives = positives(labels);
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double pairs = 0;
        long negativesAbove = 0;
        for (Step step : steps(scores, labels)) {
            pairs += step.positives() * (negatives - negativesAbove - step.negatives())
                    + 0.5 * step.positives() * step.negatives();
            negativesAbove += step.negatives();
        }
        return pairs / ((double) positives * negatives);
    }

    /** The precision-recall curve as {recall, precision} points, highest threshold first, thinned to at most {@code limit}. */
    public static List<double[]> precisionRecallCurve(double[] scores, byte[] labels, int limit) {
        long positives = positives(labels);
        List<double[]> curve = new ArrayList<>();
        long tp = 0;
        long seen = 0;
        for (Step step : positives == 0 ? List.<Step>of() : steps(scores, labels)) {
            tp += step.positives();
            seen += step.positives() + step.negatives();
            curve.add(new double[]{(double) tp / positives, (double) tp / seen});
        }
        if (curve.size() <= limit) {
            return curve;
        }
        List<double[]> thinned = new ArrayList<>(limit);
        for (int k = 0; k < limit; k++) {
            thinned.add(curve.get((int) ((long) k * (curve.size() - 1) / (limit - 1))));
        }
        return thinned;
    }

    private static Integer[] byScoreDescending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> scores[k]).reversed());
        return order;
    }
}

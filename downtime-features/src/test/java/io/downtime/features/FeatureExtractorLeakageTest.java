package io.downtime.features;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The vector at t depends on what a live system observes at or before t only: changing anything after t never changes
 * it, and the incident labels never change it at all, before t or after.
 */
class FeatureExtractorLeakageTest {

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(List.of("a", "b"), new int[]{3, 7}, 12, 10);

    private static InstanceSeries randomSeries(SplittableRandom random, int length) {
        long[] timestamps = new long[length];
        double[][] values = new double[2][length];
        boolean[] down = new boolean[length];
        boolean[] incidents = new boolean[length];
        for (int t = 0; t < length; t++) {
            timestamps[t] = t * 60_000L;
            down[t] = random.nextDouble() < 0.1;
            incidents[t] = down[t] || random.nextDouble() < 0.1;
            for (int s = 0; s < 2; s++) {
                values[s][t] = down[t] || random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian();
            }
        }
        return new InstanceSeries("x", timestamps, List.of("a", "b"), values, down, incidents);
    }

    @RepeatedTest(200)
    void changingAnythingAfterTNeverChangesTheVectorAtT(RepetitionInfo repetition) {
        // One fixed seed per repetition, so a failure can be reproduced.
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        InstanceSeries series = randomSeries(random, 40);
        int t = random.nextInt(series.length());
        double[] before = EXTRACTOR.vectorAt(series, t);

        double[][] changed = {series.values()[0].clone(), series.values()[1].clone()};
        boolean[] down = series.observedDown().clone();
        boolean[] incidents = series.incidents().clone();
        for (int i = t + 1; i < series.length(); i++) {
            changed[0][i] = random.nextDouble() < 0.3 ? Double.NaN : 1e6 * random.nextGaussian();
            changed[1][i] = -changed[0][i];
            down[i] = !down[i];
            incidents[i] = !incidents[i];
        }
        InstanceSeries future = new InstanceSeries("x", series.timestamps(), series.signals(), changed, down, incidents);
        // assertArrayEquals on doubles compares bit patterns (as Arrays.equals does): NaN equals NaN.
        assertArrayEquals(before, EXTRACTOR.vectorAt(future, t), "vector at " + t + " changed with the future");
    }

    @RepeatedTest(200)
    void changingAnyIncidentLabelBeforeOrAfterTNeverChangesTheVectorAtT(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(1000 + repetition.getCurrentRepetition());
        InstanceSeries series = randomSeries(random, 40);
        int t = random.nextInt(series.length());
        boolean[] relabelled = new boolean[series.length()];
        for (int i = 0; i < relabelled.length; i++) {
            relabelled[i] = random.nextBoolean();
        }
        relabelled[t] = !series.incidents()[t];
        assertArrayEquals(EXTRACTOR.vectorAt(series, t), EXTRACTOR.vectorAt(series.withIncidents(relabelled), t),
                "vector at " + t + " changed with the labels");
    }

    @Test
    void whatTheSourceObservedIsAFeatureChangingTheObservedDownStateAtTChangesTheVector() {
        InstanceSeries series = randomSeries(new SplittableRandom(9), 40);
        int t = 30;
        boolean[] down = series.observedDown().clone();
        down[t] = !down[t];
        InstanceSeries other = new InstanceSeries("x", series.timestamps(), series.signals(), series.values(), down,
                series.incidents());
        assertFalse(Arrays.equals(EXTRACTOR.vectorAt(series, t), EXTRACTOR.vectorAt(other, t)),
                "the labels test above would pass vacuously if no flag reached the vector");
    }

    @Test
    void theLeakageCheckIsNotVacuousChangingTheValueAtTChangesTheVector() {
        InstanceSeries series = randomSeries(new SplittableRandom(3), 40);
        int t = 30;
        double[][] changed = {series.values()[0].clone(), series.values()[1].clone()};
        changed[0][t] = 1e6;
        InstanceSeries now = new InstanceSeries("x", series.timestamps(), series.signals(), changed,
                series.observedDown(), series.incidents());
        assertFalse(Arrays.equals(EXTRACTOR.vectorAt(series, t), EXTRACTOR.vectorAt(now, t)));
    }

    @Test
    void theVectorAtTIsTheSameWhetherLaterSamplesExistOrNot() {
        InstanceSeries series = randomSeries(new SplittableRandom(5), 40);
        for (int t = 0; t < series.length(); t++) {
            InstanceSeries truncated = new InstanceSeries("x", Arrays.copyOf(series.timestamps(), t + 1),
                    series.signals(), new double[][]{Arrays.copyOf(series.values()[0], t + 1),
                    Arrays.copyOf(series.values()[1], t + 1)}, Arrays.copyOf(series.observedDown(), t + 1),
                    Arrays.copyOf(series.incidents(), t + 1));
            assertArrayEquals(EXTRACTOR.vectorAt(series, t), EXTRACTOR.vectorAt(truncated, t), "at " + t);
        }
        assertEquals(EXTRACTOR.schema().size(), EXTRACTOR.vectorAt(series, 0).length);
    }
}

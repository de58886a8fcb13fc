package io.downtime.features;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The live, incremental vector equals the one computed from the whole series, at every step. */
class FeatureWindowTest {

    private static final List<String> SOURCE = List.of("mem", "cpu", "extra");

    @Test
    void equalsTheVectorFromScratchAtEveryStepThroughGapsDownPeriodsAndMissingSignals() {
        for (FeatureExtractor extractor : List.of(new FeatureExtractor(List.of("cpu", "mem", "absent"), new int[]{3, 7}, 12, 10),
                new FeatureExtractor(List.of("cpu", "mem")))) {
            InstanceSeries series = series(2000, 11);
            FeatureWindow window = new FeatureWindow(extractor, SOURCE);
            for (int t = 0; t < series.length(); t++) {
                feed(window, extractor, series, t);
                assertArrayEquals(extractor.vectorAt(series, t), window.vector(), "at sample " + t);
            }
        }
    }

    @Test
    void startedOverFromTheNewestSamplesItEqualsTheVectorFromScratchAgain() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("cpu", "mem"), new int[]{3, 7}, 12, 10);
        InstanceSeries series = series(300, 5);
        FeatureWindow window = new FeatureWindow(extractor, SOURCE);
        for (int t = 0; t < 150; t++) {
            feed(window, extractor, series, t);
        }
        // the collector restarted: its feed starts over with the newest baseline samples
        window.clear();
        for (int t = 150 - extractor.baseline(); t < series.length(); t++) {
            feed(window, extractor, series, t);
            if (t >= 150) {
                assertArrayEquals(extractor.vectorAt(series, t), window.vector(), "at sample " + t);
            }
        }
    }

    @Test
    void aLateSampleIsIgnoredAsTheCollectorIgnoresIt() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("cpu", "mem"), new int[]{3, 7}, 12, 10);
        InstanceSeries series = series(40, 3);
        FeatureWindow window = new FeatureWindow(extractor, SOURCE);
        for (int t = 0; t < 40; t++) {
            feed(window, extractor, series, t);
        }
        double[] before = window.vector();
        float[] late = {1e6f, 1e6f, 1e6f};
        assertFalse(window.append(series.timestamps()[20], late, true, late));
        assertFalse(window.append(series.timestamps()[39], late, true, late), "same time as the newest");
        assertArrayEquals(before, window.vector());
        assertArrayEquals(extractor.vectorAt(series, 39), window.vector());
        assertEquals(series.timestamps()[39], window.newestTimestamp());
    }

    /** Feeds sample {@code t} as the collector's feed does: its values and those a day (of samples) earlier. */
    private static void feed(FeatureWindow window, FeatureExtractor extractor, InstanceSeries series, int t) {
        float[] sample = new float[SOURCE.size()];
        float[] dayEarlier = new float[SOURCE.size()];
        for (int s = 0; s < SOURCE.size(); s++) {
            double[] column = series.valuesOf(SOURCE.get(s));
            sample[s] = (float) column[t];
            int earlier = t - extractor.daySamples();
            dayEarlier[s] = earlier >= 0 ? (float) column[earlier] : Float.NaN;
        }
        window.append(series.timestamps()[t], sample, series.observedDown()[t], dayEarlier);
    }

    /** Float-valued samples (as the collector keeps them) with missing values, gaps in time and down periods. */
    private static InstanceSeries series(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] timestamps = new long[n];
        double[][] values = new double[SOURCE.size()][n];
        boolean[] down = new boolean[n];
        long time = 1_700_000_000_000L;
        int downFor = 0;
        for (int t = 0; t < n; t++) {
            time += random.nextInt(20) == 0 ? 60_000L * (2 + random.nextInt(30)) : 60_000L;
            timestamps[t] = time;
            if (downFor == 0 && random.nextInt(150) == 0) {
                downFor = 1 + random.nextInt(20);
            }
            down[t] = downFor > 0;
            downFor = Math.max(0, downFor - 1);
            boolean gap = down[t] || random.nextInt(40) == 0;
            for (int s = 0; s < SOURCE.size(); s++) {
                values[s][t] = gap || random.nextInt(30) == 0 ? Double.NaN
                        : (float) (50 + 20 * Math.sin(t / 30.0 + s) + random.nextGaussian() * 5);
            }
        }
        Arrays.fill(values[2], 0, n / 3, 0.0);
        return InstanceSeries.observed("web-1", timestamps, SOURCE, values, down);
    }
}

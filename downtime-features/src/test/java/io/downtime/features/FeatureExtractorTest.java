package io.downtime.features;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureExtractorTest {

    private static final double NaN = Double.NaN;

    /** One signal "a" with the given values, one minute apart, down where {@code down} says. */
    private static InstanceSeries series(double[] values, boolean[] down) {
        long[] timestamps = new long[values.length];
        for (int t = 0; t < values.length; t++) {
            timestamps[t] = t * 60_000L;
        }
        return new InstanceSeries("x", timestamps, List.of("a"), new double[][]{values}, down);
    }

    private static Map<String, Integer> index(FeatureExtractor extractor) {
        return extractor.schema().indexByName();
    }

    @Test
    void windowStatisticsMatchHandComputedValues() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("a"), new int[]{4}, 4, 1440);
        double[] v = extractor.vectorAt(series(new double[]{9, 1, 2, 4, 7}, new boolean[5]), 4);
        Map<String, Integer> at = index(extractor);
        // Window of 4 ending at t=4: 1, 2, 4, 7.
        assertEquals(7, v[at.get("a_last")]);
        assertEquals(3.5, v[at.get("a_mean_4")], 1e-12);
        // population variance: ((-2.5)² + (-1.5)² + 0.5² + 3.5²) / 4 = 21 / 4
        assertEquals(Math.sqrt(21 / 4.0), v[at.get("a_std_4")], 1e-12);
        assertEquals(1, v[at.get("a_min_4")]);
        assertEquals(7, v[at.get("a_max_4")]);
        // least squares over x = 0..3: slope = Σ(x-1.5)(y-3.5) / Σ(x-1.5)² = (3.75 + 0.75 + 0.25 + 5.25) / 5 = 2
        assertEquals(2.0, v[at.get("a_slope_4")], 1e-12);
        // EWMA with alpha = 2 / (4 + 1) = 0.4 from the first value: 1 → 1.4 → 2.44 → 4.264
        assertEquals(4.264, v[at.get("a_ewma_4")], 1e-12);
        assertEquals(6, v[at.get("a_delta_4")]);
        // z-score of 7 against the baseline 1, 2, 4, 7
        assertEquals(3.5 / Math.sqrt(21 / 4.0), v[at.get("a_zscore")], 1e-12);
    }

    @Test
    void missingSamplesAreSkippedAndAnEmptyWindowIsMissing() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("a"), new int[]{2, 3}, 3, 1440);
        Map<String, Integer> at = index(extractor);
        double[] v = extractor.vectorAt(series(new double[]{5, NaN, NaN}, new boolean[3]), 2);
        assertTrue(Double.isNaN(v[at.get("a_last")]));
        assertTrue(Double.isNaN(v[at.get("a_mean_2")]), "no sample in the last 2");
        assertEquals(5, v[at.get("a_mean_3")]);
        assertEquals(0, v[at.get("a_slope_3")], "one sample has no slope");
        assertTrue(Double.isNaN(v[at.get("a_zscore")]), "no current value, no z-score");
        assertEquals(2 / 3.0, v[at.get("missing_share_3")], 1e-12);
        assertEquals(2, v[at.get("gap_samples")]);
    }

    @Test
    void timeBeforeTheDataCountsAsMissingAndSinceDownIsCapped() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("a"), new int[]{4}, 5, 1440);
        Map<String, Integer> at = index(extractor);
        InstanceSeries series = series(new double[]{1, NaN, 3, 4, 5, 6, 7, 8}, new boolean[]{false, true, false, false, false, false, false, false});
        assertEquals(3 / 4.0, extractor.vectorAt(series, 0)[at.get("missing_share_4")], 1e-12);
        assertEquals(0, extractor.vectorAt(series, 1)[at.get("samples_since_down")], "0 while down");
        assertEquals(3, extractor.vectorAt(series, 4)[at.get("samples_since_down")]);
        assertEquals(5, extractor.vectorAt(series, 7)[at.get("samples_since_down")], "capped at the baseline");
        assertEquals(0, extractor.vectorAt(series, 7)[at.get("gap_samples")]);
    }

    @Test
    void theDifferenceFromADayEarlierNeedsADayOfHistory() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("a"), new int[]{2}, 2, 3);
        Map<String, Integer> at = index(extractor);
        InstanceSeries series = series(new double[]{1, 2, 4, 8, NaN}, new boolean[5]);
        assertTrue(Double.isNaN(extractor.vectorAt(series, 2)[at.get("a_day_diff")]), "no day of history yet");
        assertEquals(7, extractor.vectorAt(series, 3)[at.get("a_day_diff")], "8 now, 1 a day (3 samples) earlier");
        assertTrue(Double.isNaN(extractor.vectorAt(series, 4)[at.get("a_day_diff")]), "missing now");
        assertEquals(4, extractor.historyNeeded(), "a day and one sample");
    }

    @Test
    void irregularSamplingChangesNothingPerSample() {
        FeatureExtractor extractor = new FeatureExtractor(List.of("a"), new int[]{3}, 3, 1440);
        double[] values = {1, 5, 2, 8};
        InstanceSeries regular = series(values, new boolean[4]);
        InstanceSeries irregular = new InstanceSeries("x", new long[]{0, 60_000, 1_200_000, 1_260_000}, List.of("a"),
                new double[][]{values}, new boolean[4]);
        assertEquals(Arrays.toString(extractor.vectorAt(regular, 3)),
                Arrays.toString(extractor.vectorAt(irregular, 3)),
                "features are per sample; a gap in time is visible only through the missing-data features");
    }

    @Test
    void theSchemaListsSignalsByNameWhateverTheirOrder() {
        FeatureExtractor ab = new FeatureExtractor(List.of("b", "a"), new int[]{5}, 10, 1440);
        FeatureExtractor ba = new FeatureExtractor(List.of("a", "b"), new int[]{5}, 10, 1440);
        assertEquals(ab.schema().hash(), ba.schema().hash());
        assertEquals("a_last", ab.schema().names().get(0));
        assertNotEquals(ab.schema().hash(), new FeatureExtractor(List.of("a", "b"), new int[]{5}, 11, 1440).schema().hash(),
                "the parameters are part of the schema's version");
        assertEquals(2 * (1 + 7 + 1 + 1) + 3, ab.schema().size());
    }

    @Test
    void rejectsUselessParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(List.of(), new int[]{5}, 10, 1440));
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(List.of("a"), new int[]{1}, 10, 1440));
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(List.of("a"), new int[]{5}, 4, 1440));
        assertThrows(IndexOutOfBoundsException.class,
                () -> new FeatureExtractor(List.of("a"), new int[]{2}, 2, 1440).vectorAt(series(new double[]{1}, new boolean[1]), 1));
    }
}

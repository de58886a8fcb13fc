package io.downtime.features;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The labelled rows of a series, built one way for every consumer (feature-service's training sets, the offline
 * evaluation and {@code bin/train}): labels for the horizon from the incidents ({@link DowntimeLabels}), rows whose
 * label cannot be known yet left out, and each row's vector from samples at or before it ({@link FeatureExtractor}).
 */
public final class TrainingRows {

    /** Receives one row. */
    @FunctionalInterface
    public interface Row {
        void accept(int t, byte label, double[] vector) throws IOException;
    }

    private TrainingRows() {
    }

    /**
     * Calls {@code row} for every labelled row at index {@code from} or later, in time order.
     *
     * @return the rows given
     */
    public static int forEach(FeatureExtractor extractor, InstanceSeries series, int horizonSteps, int from, Row row)
            throws IOException {
        byte[] labels = DowntimeLabels.label(series.incidents(), series.observedDown(), horizonSteps);
        int rows = 0;
        for (int t = Math.max(0, from); t < series.length(); t++) {
            if (labels[t] != DowntimeLabels.UNKNOWN) {
                row.accept(t, labels[t], extractor.vectorAt(series, t));
                rows++;
            }
        }
        return rows;
    }

    /** As {@link #forEach(FeatureExtractor, InstanceSeries, int, int, Row)}, for a consumer that writes nothing. */
    public static int forEachInMemory(FeatureExtractor extractor, InstanceSeries series, int horizonSteps, int from,
                                      Row row) {
        try {
            return forEach(extractor, series, horizonSteps, from, row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

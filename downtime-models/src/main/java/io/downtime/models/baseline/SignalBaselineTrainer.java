package io.downtime.models.baseline;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.PlattScaling;
import io.downtime.models.TrainingSample;

/**
 * Sets up a {@link SignalBaseline} from training rows: each signal's mean and standard deviation, and Platt scaling
 * of the rule's score. Nothing about which signals matter is learned.
 */
public final class SignalBaselineTrainer {

    private final SignalBaseline.Kind kind;
    private final int horizonSamples;

    /**
     * @param kind           the rule
     * @param horizonSamples samples in the prediction horizon, for extrapolation
     */
    public SignalBaselineTrainer(SignalBaseline.Kind kind, int horizonSamples) {
        if (horizonSamples < 1) {
            throw new IllegalArgumentException("the horizon must span at least one sample, was " + horizonSamples);
        }
        this.kind = kind;
        this.horizonSamples = horizonSamples;
    }

    public SignalBaseline train(LabelledRows rows) {
        SignalBaseline.Signals signals = SignalBaseline.Signals.of(rows.schema());
        int[] last = signals.last();
        double[][] lastValues = new double[rows.size()][last.length];
        for (int r = 0; r < lastValues.length; r++) {
            for (int s = 0; s < last.length; s++) {
                lastValues[r][s] = rows.vectors()[r][last[s]];
            }
        }
        ColumnScaling statistics = ColumnScaling.fit(lastValues, last.length);
        double[] means = statistics.means();
        double[] stds = statistics.stds();
        SignalBaseline unscaled = new SignalBaseline(kind, rows.schema(), signals.last(), signals.slope(), means, stds,
                horizonSamples, new PlattScaling(1, 0), 1);
        TrainingSample sample = TrainingSample.of(rows, 50_000, 42);
        double[] scores = new double[sample.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = unscaled.score(sample.vectors()[r]);
        }
        return new SignalBaseline(kind, rows.schema(), signals.last(), signals.slope(), means, stds, horizonSamples,
                PlattScaling.fit(scores, sample.labels()), sample.samplingRatio());
    }
}

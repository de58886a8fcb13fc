package io.downtime.models.linear;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.TrainingSample;
import io.downtime.models.baseline.BaselineInputs;
import smile.classification.LogisticRegression;

import java.util.Arrays;

/** Fits L2-regularised logistic regression with smile on a sample of standardised rows. */
public final class LogisticTrainer {

    private final LogisticSettings settings;
    private final int horizonSamples;

    /**
     * @param settings       hyperparameters
     * @param horizonSamples samples in the horizon, for the extrapolation baseline's score among the inputs
     */
    public LogisticTrainer(LogisticSettings settings, int horizonSamples) {
        this.settings = settings;
        this.horizonSamples = horizonSamples;
    }

    public LogisticModel train(LabelledRows rows) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        BaselineInputs inputs = BaselineInputs.fit(rows, horizonSamples, true);
        double[][] extended = new double[sample.size()][];
        for (int r = 0; r < extended.length; r++) {
            extended[r] = inputs.extend(sample.vectors()[r]);
        }
        int features = inputs.size();
        ColumnScaling scaling = ColumnScaling.fit(extended, features);
        double[][] x = new double[sample.size()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = scaling.standardize(extended[r]);
        }
        LogisticRegression.Binomial fitted = LogisticRegression.binomial(x, sample.intLabels(), settings.lambda(),
                1e-5, settings.maxIterations());
        double[] w = fitted.coefficients();
        // smile keeps one coefficient per feature, then the intercept.
        return new LogisticModel(rows.schema(), inputs, scaling, Arrays.copyOf(w, features),
                w[features] + sample.marginCorrection());
    }
}

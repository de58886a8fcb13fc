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
        BaselineInputs.Standardised standardised = inputs.standardise(sample);
        ColumnScaling scaling = standardised.scaling();
        double[][] x = standardised.rows();
        int features = inputs.size();
        LogisticRegression.Binomial fitted = LogisticRegression.binomial(x, sample.intLabels(), settings.lambda(),
                1e-5, settings.maxIterations());
        double[] w = fitted.coefficients();
        // smile keeps one coefficient per feature, then the intercept.
        return new LogisticModel(rows.schema(), inputs, scaling, Arrays.copyOf(w, features),
                w[features] + sample.marginCorrection());
    }
}

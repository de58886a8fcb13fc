package io.downtime.models.linear;

import io.downtime.models.ColumnScaling;
import io.downtime.models.CrossInstanceChoice;
import io.downtime.models.LabelledRows;
import io.downtime.models.TrainingSample;
import io.downtime.models.baseline.BaselineInputs;
import smile.classification.LogisticRegression;

import java.util.Arrays;

/**
 * Fits L2-regularised logistic regression with smile on a sample of standardised rows. Unless a penalty is configured,
 * it is chosen among {@link #PENALTIES} on servers left out of training ({@link CrossInstanceChoice}): a strong penalty
 * keeps the weights close to the plain difference between incident and normal rows, which carries over to other
 * servers. The choice is made on the training servers only, never on test servers.
 */
public final class LogisticTrainer {

    /**
     * Candidate L2 penalties: a geometric grid two decades apart, from a penalty that barely constrains standardised
     * inputs (1) to one that keeps the weights near the mean difference between the classes (10,000). Fixed by that
     * rule, not by any test figure.
     */
    static final double[] PENALTIES = {1, 100, 10_000};

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
        double lambda = settings.lambda() > 0 ? settings.lambda()
                : CrossInstanceChoice.best(rows, PENALTIES, this::fit, "logistic regression L2 penalty");
        return fit(rows, lambda);
    }

    private LogisticModel fit(LabelledRows rows, double lambda) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        BaselineInputs inputs = BaselineInputs.fit(rows, horizonSamples, true);
        BaselineInputs.Standardised standardised = inputs.standardise(sample);
        ColumnScaling scaling = standardised.scaling();
        double[][] x = standardised.rows();
        int features = inputs.size();
        LogisticRegression.Binomial fitted = LogisticRegression.binomial(x, sample.intLabels(), lambda,
                1e-5, settings.maxIterations());
        double[] w = fitted.coefficients();
        // smile keeps one coefficient per feature, then the intercept.
        return new LogisticModel(rows.schema(), inputs, scaling, Arrays.copyOf(w, features),
                w[features] + sample.marginCorrection());
    }
}

package io.downtime.models.linear;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.TrainingSample;
import smile.classification.LogisticRegression;

import java.util.Arrays;

/** Fits L2-regularised logistic regression with smile on a sample of standardised rows. */
public final class LogisticTrainer {

    private final LogisticSettings settings;

    public LogisticTrainer(LogisticSettings settings) {
        this.settings = settings;
    }

    public LogisticModel train(LabelledRows rows) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        int features = rows.schema().size();
        ColumnScaling scaling = ColumnScaling.fit(rows.vectors(), features);
        double[][] x = new double[sample.size()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = scaling.standardize(sample.vectors()[r]);
        }
        LogisticRegression.Binomial fitted = LogisticRegression.binomial(x, sample.intLabels(), settings.lambda(),
                1e-5, settings.maxIterations());
        double[] w = fitted.coefficients();
        // smile keeps one coefficient per feature, then the intercept.
        return new LogisticModel(rows.schema(), scaling, Arrays.copyOf(w, features),
                w[features] + sample.marginCorrection());
    }
}

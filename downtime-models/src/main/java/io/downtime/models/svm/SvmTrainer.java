package io.downtime.models.svm;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.PlattScaling;
import io.downtime.models.TrainingSample;
import io.downtime.models.baseline.BaselineInputs;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Trains an RBF-kernel SVM with smile on a sample of standardised rows, then fits Platt scaling on the sample's
 * decision values (labels are -1 and +1 for the SVM, as it requires).
 */
public final class SvmTrainer {

    private final SvmSettings settings;
    private final int horizonSamples;

    /**
     * @param settings       hyperparameters
     * @param horizonSamples samples in the horizon, for the extrapolation baseline's score among the inputs
     */
    public SvmTrainer(SvmSettings settings, int horizonSamples) {
        this.settings = settings;
        this.horizonSamples = horizonSamples;
    }

    public SvmModel train(LabelledRows rows) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        BaselineInputs inputs = BaselineInputs.fit(rows, horizonSamples, false);
        BaselineInputs.Standardised standardised = inputs.standardise(sample);
        ColumnScaling scaling = standardised.scaling();
        double[][] x = standardised.rows();
        int features = inputs.size();
        double sigma = settings.sigma() > 0 ? settings.sigma() : Math.sqrt(features);
        SVM<double[]> svm = SVM.fit(x, sample.signedLabels(), new GaussianKernel(sigma), settings.c(), 1e-3);
        double[] decision = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            decision[r] = svm.score(x[r]);
        }
        PlattScaling platt = PlattScaling.fit(decision, sample.labels());
        return new SvmModel(rows.schema(), inputs, scaling, svm.vectors(), svm.weights(), svm.intercept(), sigma, platt,
                sample.samplingRatio());
    }
}

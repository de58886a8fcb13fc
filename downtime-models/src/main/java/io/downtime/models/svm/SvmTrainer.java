package io.downtime.models.svm;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.PlattScaling;
import io.downtime.models.TrainingSample;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Trains an RBF-kernel SVM with smile on a sample of standardised rows, then fits Platt scaling on the sample's
 * decision values (labels are -1 and +1 for the SVM, as it requires).
 */
public final class SvmTrainer {

    private final SvmSettings settings;

    public SvmTrainer(SvmSettings settings) {
        this.settings = settings;
    }

    public SvmModel train(LabelledRows rows) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        int features = rows.schema().size();
        ColumnScaling scaling = ColumnScaling.fit(rows.vectors(), features);
        double[][] x = new double[sample.size()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = scaling.standardize(sample.vectors()[r]);
        }
        double sigma = settings.sigma() > 0 ? settings.sigma() : Math.sqrt(features);
        SVM<double[]> svm = SVM.fit(x, sample.signedLabels(), new GaussianKernel(sigma), settings.c(), 1e-3);
        double[] decision = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            decision[r] = svm.score(x[r]);
        }
        PlattScaling platt = PlattScaling.fit(decision, sample.labels());
        return new SvmModel(rows.schema(), scaling, svm.vectors(), svm.weights(), svm.intercept(), sigma, platt,
                sample.samplingRatio());
    }
}

package io.downtime.models.svm;

import io.downtime.models.ColumnScaling;
import io.downtime.models.CrossInstanceChoice;
import io.downtime.models.LabelledRows;
import io.downtime.models.PlattScaling;
import io.downtime.models.TrainingSample;
import io.downtime.models.baseline.BaselineInputs;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Trains an RBF-kernel SVM with smile on a sample of standardised rows, then fits Platt scaling on the sample's
 * decision values (labels are -1 and +1 for the SVM, as it requires).
 *
 * <p>The kernel width matters more than anything else: a narrow kernel suits incidents that look like the ones
 * trained on, a wider one behaves more like a smooth, nearly linear model and carries over to servers whose incidents
 * look different. Unless a width is configured, it is chosen among {@link #WIDTHS} on servers left out of training
 * ({@link CrossInstanceChoice}), never on test servers.
 */
public final class SvmTrainer {

    /**
     * Candidate kernel widths, in multiples of √inputs: a geometric grid in steps of about √10 around the usual default
     * √inputs, from a kernel as narrow as that default to one ten times wider. Fixed by that rule, not by any test
     * figure.
     */
    static final double[] WIDTHS = {1, 3, 10};

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
        double sigma = settings.sigma() > 0 ? settings.sigma() : chooseWidth(rows) * rootOfInputs(rows);
        return fit(rows, sigma);
    }

    /** The candidate width, in multiples of √inputs, that does best on servers left out of training. */
    double chooseWidth(LabelledRows rows) {
        double root = rootOfInputs(rows);
        return CrossInstanceChoice.best(rows, WIDTHS, (training, width) -> fit(training, width * root),
                "SVM kernel width in multiples of sqrt(inputs):");
    }

    private static double rootOfInputs(LabelledRows rows) {
        return Math.sqrt(BaselineInputs.size(rows.schema(), false));
    }

    private SvmModel fit(LabelledRows rows, double sigma) {
        TrainingSample sample = TrainingSample.of(rows, settings.maxRows(), settings.seed());
        BaselineInputs inputs = BaselineInputs.fit(rows, horizonSamples, false);
        BaselineInputs.Standardised standardised = inputs.standardise(sample);
        ColumnScaling scaling = standardised.scaling();
        double[][] x = standardised.rows();
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

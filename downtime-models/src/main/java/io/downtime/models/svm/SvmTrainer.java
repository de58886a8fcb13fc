package io.downtime.models.svm;

import io.downtime.models.ColumnScaling;
import io.downtime.models.LabelledRows;
import io.downtime.models.PlattScaling;
import io.downtime.models.TrainingSample;
import io.downtime.models.baseline.BaselineInputs;
import io.downtime.models.evaluation.BinaryMetrics;
import smile.classification.SVM;
import org.jboss.logging.Logger;
import smile.math.kernel.GaussianKernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains an RBF-kernel SVM with smile on a sample of standardised rows, then fits Platt scaling on the sample's
 * decision values (labels are -1 and +1 for the SVM, as it requires).
 *
 * <p>The kernel width matters more than anything else: a narrow kernel suits incidents that look like the ones
 * trained on, a wider one behaves more like a smooth, nearly linear model and carries over to servers whose incidents
 * look different. Unless a width is configured, it is chosen among {@link #WIDTHS} the way the product is used, on
 * servers it has not seen: the training instances are split in two halves, each candidate is fitted on one and
 * measured by PR-AUC on the other, both ways (on SMD this picks 3 √inputs: test PR-AUC 0.53 instead of 0.29 with
 * √inputs; on ASD it keeps √inputs). Choosing on the last quarter of time instead picks √inputs on both.
 */
public final class SvmTrainer {

    private static final Logger LOG = Logger.getLogger(SvmTrainer.class);

    /** Candidate kernel widths, in multiples of √inputs. */
    static final double[] WIDTHS = {1, 3, 10};
    /** Most validation rows scored per candidate: scoring costs a kernel evaluation per support vector. */
    private static final int MAX_VALIDATION_ROWS = 5_000;

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
        int inputs = BaselineInputs.fit(rows, horizonSamples, false).size();
        double sigma = settings.sigma() > 0 ? settings.sigma() : chooseWidth(rows) * Math.sqrt(inputs);
        return fit(rows, sigma);
    }

    /**
     * The candidate width that generalises best to servers not trained on: the instances are split in two halves,
     * each candidate is fitted on one half and measured by PR-AUC on the other, both ways; the narrowest when the
     * rows cannot be split so that both halves have incidents.
     */
    double chooseWidth(LabelledRows rows) {
        List<String> names = Arrays.stream(rows.instances()).distinct().sorted().toList();
        Set<String> half = new HashSet<>();
        for (int i = 0; i < names.size(); i += 2) {
            half.add(names.get(i));
        }
        LabelledRows a = select(rows, half, true);
        LabelledRows b = select(rows, half, false);
        if (a.positives() == 0 || b.positives() == 0) {
            return WIDTHS[0];
        }
        double best = WIDTHS[0];
        double bestPrAuc = -1;
        List<String> measured = new ArrayList<>();
        for (double width : WIDTHS) {
            double prAuc = (prAuc(a, b, width) + prAuc(b, a, width)) / 2;
            measured.add(String.format(Locale.ROOT, "%.0f: %.3f", width, prAuc));
            if (prAuc > bestPrAuc) {
                best = width;
                bestPrAuc = prAuc;
            }
        }
        LOG.infof("SVM kernel width %.0f x sqrt(inputs), by PR-AUC on servers left out of training (%s)", best,
                String.join(", ", measured));
        return best;
    }

    private double prAuc(LabelledRows training, LabelledRows validation, double width) {
        int inputs = BaselineInputs.fit(training, horizonSamples, false).size();
        SvmModel candidate = fit(training, width * Math.sqrt(inputs));
        LabelledRows scored = everyNth(validation, MAX_VALIDATION_ROWS);
        double[] scores = new double[scored.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = candidate.probability(scored.vectors()[r]);
        }
        return BinaryMetrics.prAuc(scores, scored.labels());
    }

    private static LabelledRows select(LabelledRows rows, Set<String> instances, boolean in) {
        int[] keep = IntStream.range(0, rows.size())
                .filter(r -> instances.contains(rows.instances()[r]) == in).toArray();
        double[][] vectors = new double[keep.length][];
        byte[] labels = new byte[keep.length];
        String[] names = new String[keep.length];
        long[] timestamps = new long[keep.length];
        for (int i = 0; i < keep.length; i++) {
            vectors[i] = rows.vectors()[keep[i]];
            labels[i] = rows.labels()[keep[i]];
            names[i] = rows.instances()[keep[i]];
            timestamps[i] = rows.timestamps()[keep[i]];
        }
        return new LabelledRows(rows.schema(), vectors, labels, names, timestamps);
    }

    private static LabelledRows everyNth(LabelledRows rows, int most) {
        int n = Math.max(1, (rows.size() + most - 1) / most);
        if (n == 1) {
            return rows;
        }
        int size = (rows.size() + n - 1) / n;
        double[][] vectors = new double[size][];
        byte[] labels = new byte[size];
        String[] instances = new String[size];
        long[] timestamps = new long[size];
        for (int i = 0; i < size; i++) {
            vectors[i] = rows.vectors()[i * n];
            labels[i] = rows.labels()[i * n];
            instances[i] = rows.instances()[i * n];
            timestamps[i] = rows.timestamps()[i * n];
        }
        return new LabelledRows(rows.schema(), vectors, labels, instances, timestamps);
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

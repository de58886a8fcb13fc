package io.downtime.models.svm;

/**
 * Hyperparameters of SVM training.
 *
 * @param c       soft-margin penalty
 * @param sigma   width of the Gaussian kernel on standardised inputs; 0 to choose it on the training rows (see
 *                {@link SvmTrainer})
 * @param maxRows most rows fitted on (positives up to half of them, negatives fill the rest); kernel training
 *                grows quadratically with rows
 * @param seed    random seed for the row sample
 */
public record SvmSettings(double c, double sigma, int maxRows, long seed) {

    public static SvmSettings defaults() {
        return new SvmSettings(1.0, 0, 2_000, 42);
    }
}

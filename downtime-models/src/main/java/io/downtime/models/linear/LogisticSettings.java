package io.downtime.models.linear;

/**
 * Hyperparameters of logistic regression.
 *
 * @param lambda        L2 penalty; 0 to choose it on servers left out of training (see {@link LogisticTrainer})
 * @param maxIterations most optimiser iterations
 * @param maxRows       most rows fitted on (see {@link io.downtime.models.TrainingSample}: positives up to half, negatives fill the rest)
 * @param seed          random seed for the row sample
 */
public record LogisticSettings(double lambda, int maxIterations, int maxRows, long seed) {

    public static LogisticSettings defaults() {
        return new LogisticSettings(0, 200, 40_000, 42);
    }
}

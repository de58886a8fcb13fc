package io.downtime.models.xgboost;

/**
 * Hyperparameters of XGBoost training.
 *
 * @param rounds    boosting rounds (trees)
 * @param maxDepth  maximum depth of each tree
 * @param eta       learning rate
 * @param subsample share of rows each tree sees
 * @param threads   training threads
 * @param seed      random seed, for reproducible models
 */
public record XGBoostSettings(int rounds, int maxDepth, double eta, double subsample, int threads, long seed) {

    public static XGBoostSettings defaults() {
        return new XGBoostSettings(150, 4, 0.1, 0.8, Math.max(1, Runtime.getRuntime().availableProcessors()), 42);
    }
}

package io.downtime.models.xgboost;

/**
 * Hyperparameters of XGBoost training.
 *
 * @param rounds    boosting rounds (trees)
 * @param maxDepth  maximum depth of each tree
 * @param eta       learning rate
 * @param subsample share of rows each tree sees
 * @param columnShare share of the features each split considers, in (0, 1]; 0 chooses it on servers left out of
 *                  training among {@link XGBoostTrainer#COLUMN_SHARES}
 * @param threads   training threads
 * @param seed      random seed, for reproducible models
 */
public record XGBoostSettings(int rounds, int maxDepth, double eta, double subsample, double columnShare, int threads,
                              long seed) {

    public XGBoostSettings {
        if (rounds < 1) {
            throw new IllegalArgumentException("XGBoost needs at least 1 boosting round (rounds), was " + rounds);
        }
        if (maxDepth < 1 || maxDepth > 20) {
            throw new IllegalArgumentException("XGBoost's tree depth (max-depth) must be 1 to 20, was " + maxDepth);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("XGBoost's learning rate (eta) must be in (0, 1], was " + eta);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("XGBoost's subsample must be in (0, 1], was " + subsample);
        }
        if (!(columnShare >= 0 && columnShare <= 1)) {
            throw new IllegalArgumentException("XGBoost's share of features per split (column-share) must be in (0, 1], "
                    + "or 0 to choose it, was "
                    + columnShare);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("XGBoost needs at least 1 thread, was " + threads);
        }
    }

    /** These settings with other rounds, depth and learning rate. */
    public XGBoostSettings with(int rounds, int maxDepth, double eta) {
        return new XGBoostSettings(rounds, maxDepth, eta, subsample, columnShare, threads, seed);
    }

    /** These settings with another share of the features per split (0: chosen). */
    public XGBoostSettings withColumnShare(double share) {
        return new XGBoostSettings(rounds, maxDepth, eta, subsample, share, threads, seed);
    }

    /** 150 rounds of depth-4 trees at a learning rate of 0.1; the share of features per split is chosen. */
    public static XGBoostSettings defaults() {
        return new XGBoostSettings(150, 4, 0.1, 0.8, 0, Math.max(1, Runtime.getRuntime().availableProcessors()), 42);
    }
}

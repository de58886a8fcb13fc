package io.downtime.models.forest;

/**
 * Hyperparameters of random-forest training.
 *
 * @param trees            number of trees
 * @param maxDepth         maximum depth of each tree
 * @param nodeSize         fewest rows in a leaf
 * @param featuresPerSplit features tried at each split; 0 for the square root of the feature count
 * @param maxRows          most rows fitted on (see {@link io.downtime.models.TrainingSample}: positives up to half, negatives fill the rest)
 * @param seed             random seed, for reproducible forests
 */
public record ForestSettings(int trees, int maxDepth, int nodeSize, int featuresPerSplit, int maxRows, long seed) {

    public static ForestSettings defaults() {
        return new ForestSettings(100, 12, 5, 0, 40_000, 42);
    }
}

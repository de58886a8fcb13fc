package io.downtime.evaluation;

import io.downtime.models.ModelQuality;

import java.util.List;

/**
 * One model's line of an evaluation report, with the fields DESIGN.md's report contract names.
 *
 * @param name              algorithm
 * @param learned           false for the baselines
 * @param quality           every figure on the test rows
 * @param scoreMicrosPerRow time to score one row on one thread
 */
record ModelResult(String name, boolean learned, ModelQuality quality, double scoreMicrosPerRow) {

    Double eventRecall() {
        return quality.events().eventRecall();
    }

    Double earlyRecall() {
        return quality.events().earlyRecall();
    }

    Double medianLeadMinutes() {
        return quality.events().medianLeadMinutes();
    }

    List<double[]> precisionRecall() {
        return quality.precisionRecall();
    }
}

package io.downtime.evaluation;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a model is fitted on, which choose its alarm threshold, and which it is measured on. Splits are in time
 * within each entity, and rows whose label reaches into the next part (within one horizon before it) are dropped, as
 * their labels would not be known yet when the next part begins.
 *
 * @param fit         rows the models are fitted on
 * @param threshold   rows the pooled alarm threshold is chosen on (the alert budget)
 * @param test        rows every figure is measured on
 * @param calibration unlabelled normal history of each tested entity, before its labelled part: where per-instance
 *                    thresholds are read (see {@link io.downtime.models.alarm.InstanceThresholds})
 */
record EvaluationSplit(LabelledRows fit, LabelledRows threshold, LabelledRows test, LabelledRows calibration) {

    /** Share of each entity's labelled rows trained on (fit and threshold) when no separate test entities are given. */
    static final double TRAIN_SHARE = 0.6;
    /** Share of the training rows, at their end, that choose the threshold. */
    static final double THRESHOLD_SHARE = 0.25;

    /** Each entity's first 60 % trains (its last quarter sets the threshold), its last 40 % tests. */
    static EvaluationSplit withinEntities(FeatureSchema schema, List<LabelledRows> entities,
                                          List<LabelledRows> calibration, int horizonSteps) {
        List<LabelledRows> fit = new ArrayList<>();
        List<LabelledRows> threshold = new ArrayList<>();
        List<LabelledRows> test = new ArrayList<>();
        for (LabelledRows rows : entities) {
            int n = rows.size();
            int testFrom = (int) Math.round(n * TRAIN_SHARE);
            int thresholdFrom = (int) Math.round(testFrom * (1 - THRESHOLD_SHARE));
            fit.add(rows.slice(0, Math.max(0, thresholdFrom - horizonSteps)));
            threshold.add(rows.slice(thresholdFrom, Math.max(thresholdFrom, testFrom - horizonSteps)));
            test.add(rows.slice(testFrom, n));
        }
        return new EvaluationSplit(LabelledRows.concat(schema, fit), LabelledRows.concat(schema, threshold),
                LabelledRows.concat(schema, test), LabelledRows.concat(schema, calibration));
    }

    /** The same rows with only the features of {@code set}. */
    EvaluationSplit select(FeatureSetChoice.FeatureSet set) {
        return new EvaluationSplit(FeatureSetChoice.select(fit, set), FeatureSetChoice.select(threshold, set),
                FeatureSetChoice.select(test, set), FeatureSetChoice.select(calibration, set));
    }

    /** Every training entity trains (the last quarter of each sets the threshold); every test entity tests. */
    static EvaluationSplit acrossEntities(FeatureSchema schema, List<LabelledRows> training, List<LabelledRows> testing,
                                          List<LabelledRows> testCalibration, int horizonSteps) {
        List<LabelledRows> fit = new ArrayList<>();
        List<LabelledRows> threshold = new ArrayList<>();
        for (LabelledRows rows : training) {
            int n = rows.size();
            int thresholdFrom = (int) Math.round(n * (1 - THRESHOLD_SHARE));
            fit.add(rows.slice(0, Math.max(0, thresholdFrom - horizonSteps)));
            threshold.add(rows.slice(thresholdFrom, n));
        }
        return new EvaluationSplit(LabelledRows.concat(schema, fit), LabelledRows.concat(schema, threshold),
                LabelledRows.concat(schema, testing), LabelledRows.concat(schema, testCalibration));
    }
}

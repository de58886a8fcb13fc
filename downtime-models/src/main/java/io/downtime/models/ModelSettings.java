package io.downtime.models;

import io.downtime.models.forest.ForestSettings;
import io.downtime.models.linear.LogisticSettings;
import io.downtime.models.svm.SvmSettings;
import io.downtime.models.xgboost.XGBoostSettings;

/**
 * Hyperparameters of every algorithm, and the horizon in samples the extrapolation baseline needs.
 *
 * @param xgboost        XGBoost
 * @param forest         random forest
 * @param svm            SVM
 * @param logistic       logistic regression
 * @param horizonSamples samples in the prediction horizon
 */
public record ModelSettings(XGBoostSettings xgboost, ForestSettings forest, SvmSettings svm,
                            LogisticSettings logistic, int horizonSamples) {

    public static ModelSettings defaults(int horizonSamples) {
        return new ModelSettings(XGBoostSettings.defaults(), ForestSettings.defaults(), SvmSettings.defaults(),
                LogisticSettings.defaults(), horizonSamples);
    }
}

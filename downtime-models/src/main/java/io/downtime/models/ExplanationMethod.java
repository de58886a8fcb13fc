package io.downtime.models;

import com.fasterxml.jackson.annotation.JsonValue;
import io.downtime.features.ServedId;

/** How a prediction's feature contributions were computed; served by its id ({@code tree-shap}). */
public enum ExplanationMethod implements ServedId {

    /** Exact SHAP values of a tree model's margin (TreeSHAP). */
    TREE_SHAP,
    /**
     * Exact SHAP values of a forest's vote share (the mean of its trees' leaf probabilities), before the correction for
     * the negatives left out of training turns the vote share into the served probability.
     */
    TREE_SHAP_VOTE_SHARE,
    /** Exact contributions of a linear margin: each coefficient times the feature's distance from its training mean. */
    LINEAR,
    /** The whole distance from the bias credited to the one signal that drives a baseline's score. */
    DRIVING_SIGNAL,
    /**
     * For models without additive structure (kernel SVM): each feature's effect when replaced by its training mean,
     * scaled so that the contributions sum to the distance from the bias.
     */
    OCCLUSION,
    /** No contributions: the caller asked for none ({@code ?explain=false}). */
    NONE;

    @JsonValue
    @Override
    public String id() {
        return ServedId.super.id();
    }
}

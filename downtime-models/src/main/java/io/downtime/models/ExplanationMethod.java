package io.downtime.models;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a prediction's feature contributions were computed; served by its id ({@code tree-shap}). */
public enum ExplanationMethod {

    /** Exact SHAP values of a tree model's margin (TreeSHAP). */
    TREE_SHAP("tree-shap"),
    /**
     * Exact SHAP values of a forest's vote share (the mean of its trees' leaf probabilities), before the correction for
     * the negatives left out of training turns the vote share into the served probability.
     */
    TREE_SHAP_VOTE_SHARE("tree-shap-vote-share"),
    /** Exact contributions of a linear margin: each coefficient times the feature's distance from its training mean. */
    LINEAR("linear"),
    /** The whole distance from the bias credited to the one signal that drives a baseline's score. */
    DRIVING_SIGNAL("driving-signal"),
    /**
     * For models without additive structure (kernel SVM): each feature's effect when replaced by its training mean,
     * scaled so that the contributions sum to the distance from the bias.
     */
    OCCLUSION("occlusion"),
    /** No contributions: the caller asked for none ({@code ?explain=false}). */
    NONE("none");

    private final String id;

    ExplanationMethod(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

package io.downtime.predictor.scoring;

import com.fasterxml.jackson.annotation.JsonValue;
import io.downtime.features.ServedId;

/** Whose alarm threshold a prediction stands against ({@link OwnThresholds}); served by its id ({@code instance}). */
public enum ThresholdSource implements ServedId {

    /** The instance's own, read from its own scores of the trailing window. */
    INSTANCE,
    /** The model's, chosen on its validation window: the instance has no day of scores under this model yet. */
    MODEL;

    @JsonValue
    @Override
    public String id() {
        return ServedId.super.id();
    }
}

package io.downtime.models.alarm;

import com.fasterxml.jackson.annotation.JsonValue;
import io.downtime.features.ServedId;

/** How a probability stands against the model's alarm threshold; served by its id ({@code high}). */
public enum Risk implements ServedId {

    /** At or above the threshold: an alarm. */
    HIGH,
    /** At or above half the threshold. */
    ELEVATED,
    /** Below half the threshold. */
    LOW;

    /** The risk of {@code probability} against {@code threshold}. */
    public static Risk of(double probability, double threshold) {
        if (probability >= threshold) {
            return HIGH;
        }
        return probability >= threshold / 2 ? ELEVATED : LOW;
    }

    @JsonValue
    @Override
    public String id() {
        return ServedId.super.id();
    }
}

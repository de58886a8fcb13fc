package io.downtime.models.alarm;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a probability stands against the model's alarm threshold; served by its id ({@code high}). */
public enum Risk {

    /** At or above the threshold: an alarm. */
    HIGH("high"),
    /** At or above half the threshold. */
    ELEVATED("elevated"),
    /** Below half the threshold. */
    LOW("low");

    private final String id;

    Risk(String id) {
        this.id = id;
    }

    /** The risk of {@code probability} against {@code threshold}. */
    public static Risk of(double probability, double threshold) {
        if (probability >= threshold) {
            return HIGH;
        }
        return probability >= threshold / 2 ? ELEVATED : LOW;
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

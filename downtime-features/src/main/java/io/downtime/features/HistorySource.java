package io.downtime.features;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whose history a training set, and the model trained on it, comes from; written by its id ({@code fleet}). */
public enum HistorySource {

    /** The served fleet's own history, as the collector holds it. */
    FLEET,
    /** The built-in simulator's fleet, with its incidents: a cold start while the fleet has too few of its own. */
    SIMULATOR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source of id {@code id} ({@code fleet}, {@code simulator}), if there is one. */
    public static Optional<HistorySource> of(String id) {
        return Arrays.stream(values()).filter(source -> source.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}

package io.downtime.features;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whose history a training set, and the model trained on it, comes from; written by its id ({@code fleet}). */
public enum HistorySource implements ServedId {

    /** The served fleet's own history, as the collector holds it. */
    FLEET,
    /** The built-in simulator's fleet, with its incidents: a cold start while the fleet has too few of its own. */
    SIMULATOR;

    @JsonValue
    @Override
    public String id() {
        return ServedId.super.id();
    }
}

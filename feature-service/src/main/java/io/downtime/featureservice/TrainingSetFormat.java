package io.downtime.featureservice;

import io.downtime.features.ServedId;

/** How {@code GET /training-set} writes its rows: CSV ({@code csv}, the default) or JSON ({@code json}). */
public enum TrainingSetFormat implements ServedId {
    CSV("text/csv"), JSON("application/json");

    private final String mediaType;

    TrainingSetFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

}

package io.downtime.featureservice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How {@code GET /training-set} writes its rows: CSV ({@code csv}, the default) or JSON ({@code json}). */
public enum TrainingSetFormat {
    CSV("text/csv"), JSON("application/json");

    private final String mediaType;

    TrainingSetFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of id {@code id} ({@code csv}, {@code json}), if there is one. */
    public static Optional<TrainingSetFormat> of(String id) {
        return Arrays.stream(values()).filter(format -> format.id().equals(id)).findFirst();
    }
}

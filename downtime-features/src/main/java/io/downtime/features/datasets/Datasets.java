package io.downtime.features.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads the labelled datasets the project is measured on, laid out as in each dataset's SOURCE.md. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Every entity of the dataset at {@code dir}, sorted by name.
     *
     * @param format {@code smd} (1-minute samples), {@code asd} (5-minute samples) or {@code nab}
     * @throws IllegalArgumentException naming the format or the file that is missing or malformed
     */
    public static List<Entity> read(String format, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dataset directory " + dir + " does not exist");
        }
        try {
            return switch (format) {
                case "smd" -> ServerMachineFormat.read(dir, Duration.ofMinutes(1));
                case "asd" -> ServerMachineFormat.read(dir, Duration.ofMinutes(5));
                case "nab" -> NabFormat.read(dir);
                default -> throw new IllegalArgumentException("unknown dataset format '" + format + "'; use smd, asd or nab");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + format + " dataset at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The natural time between samples of a format (NAB varies per file; 5 minutes for most). */
    public static Duration step(String format) {
        return switch (format) {
            case "smd" -> Duration.ofMinutes(1);
            case "asd", "nab" -> Duration.ofMinutes(5);
            default -> throw new IllegalArgumentException("unknown dataset format '" + format + "'; use smd, asd or nab");
        };
    }
}

package io.downtime.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A set of values the chart is tested with: its defaults, or the defaults overlaid with one {@code ci/*-values.yaml}. */
record ValuesFile(String name, Path file) {

    static final ValuesFile DEFAULTS = new ValuesFile("defaults", null);

    /** The defaults and every example under {@code ci/}. */
    static Stream<ValuesFile> all() {
        try (Stream<Path> files = Files.list(HelmChart.DIRECTORY.resolve("ci"))) {
            return Stream.concat(Stream.of(DEFAULTS), files
                    .filter(file -> file.getFileName().toString().endsWith("-values.yaml"))
                    .sorted()
                    .map(file -> new ValuesFile("ci/" + file.getFileName(), file))
                    .toList().stream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValuesFile ci(String name) {
        return new ValuesFile("ci/" + name, HelmChart.DIRECTORY.resolve("ci").resolve(name));
    }

    @Override
    public String toString() {
        return name;
    }
}

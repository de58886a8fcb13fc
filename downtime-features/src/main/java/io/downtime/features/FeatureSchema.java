package io.downtime.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of a vector, in order: each a typed entry (signal, statistic, window) whose name is derived from it,
 * never parsed back, and the parameters that define them. Its {@link #hash()} is the schema's version: every vector
 * and every model carries it, and a mismatch is an error, never a silent misalignment.
 *
 * @param features   the features in vector order
 * @param definition the parameters the features are computed with, in a stable textual form
 * @param names      the features' names, in vector order (derived from {@code features})
 */
public record FeatureSchema(List<Feature> features, String definition, List<String> names) {

    /** What a feature measures. */
    public enum Statistic {
        LAST("last"), MEAN("mean"), STD("std"), MIN("min"), MAX("max"), SLOPE("slope"), EWMA("ewma"), DELTA("delta"),
        ZSCORE("zscore"), DAY_DIFF("day_diff"),
        /** Per instance: share of samples missing over a window. */
        MISSING_SHARE("missing_share"),
        /** Per instance: samples in the current gap. */
        GAP("gap_samples"),
        /** Per instance: samples since the source last observed the instance down. */
        SINCE_OBSERVED_DOWN("samples_since_observed_down"),
        /** Not one of the computed statistics: a name given as it is (a stub's, a test's). */
        OTHER("other");

        private final String label;

        Statistic(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Statistic ofLabel(String label) {
            for (Statistic statistic : values()) {
                if (statistic.label.equals(label)) {
                    return statistic;
                }
            }
            throw new IllegalArgumentException("unknown statistic '" + label + "'");
        }
    }

    /**
     * One feature.
     *
     * @param name      its name in vectors and APIs, derived by the factories below
     * @param signal    the signal it is computed from; null for a feature of the whole instance
     * @param statistic what it measures
     * @param window    the window in samples; 0 when it has none
     * @param relative  it is another feature relative to the instance's own normal history (offline evaluation)
     */
    public record Feature(String name, String signal, Statistic statistic, int window, boolean relative) {

        /** A statistic of a signal, over a window or (window 0) without one: {@code signal_statistic[_window]}. */
        public static Feature of(String signal, Statistic statistic, int window) {
            return new Feature(signal + "_" + statistic.label() + (window > 0 ? "_" + window : ""), signal, statistic,
                    window, false);
        }

        /** A feature of the whole instance: {@code statistic[_window]}. */
        public static Feature ofInstance(Statistic statistic, int window) {
            return new Feature(statistic.label() + (window > 0 ? "_" + window : ""), null, statistic, window, false);
        }

        /** A feature known by its name only. */
        public static Feature named(String name) {
            return new Feature(name, null, Statistic.OTHER, 0, false);
        }

        /** This feature relative to the instance's own normal history: {@code prefix + name}. */
        public Feature relativeWith(String prefix) {
            return new Feature(prefix + name, signal, statistic, window, true);
        }
    }

    public FeatureSchema {
        features = List.copyOf(features);
        List<String> derived = features.stream().map(Feature::name).toList();
        if (names != null && !names.equals(derived)) {
            throw new IllegalArgumentException("names " + names + " are not those of the features " + derived);
        }
        names = derived;
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
    }

    public FeatureSchema(List<Feature> features, String definition) {
        this(features, definition, null);
    }

    /** A schema of features known by name only ({@link Statistic#OTHER}): stubs, tests, a registry's metadata. */
    public static FeatureSchema ofNames(List<String> names, String definition) {
        return new FeatureSchema(names.stream().map(Feature::named).toList(), definition);
    }

    /** Content hash of names and definition: 16 hex digits of SHA-256. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(definition.getBytes(StandardCharsets.UTF_8));
            for (Feature feature : features) {
                String name = feature.name();
                sha.update((byte) '\n');
                sha.update(name.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public int size() {
        return features.size();
    }

    /** Index of each name, for turning a name → value map into a vector. */
    public Map<String, Integer> indexByName() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            index.put(features.get(i).name(), i);
        }
        return index;
    }

    /** Throws when {@code otherHash} is not this schema's hash, naming both. */
    public void requireSameAs(String otherHash, String whose) {
        if (!hash().equals(otherHash)) {
            throw new SchemaMismatchException(
                    whose + " has feature schema " + otherHash + " but " + hash() + " is expected");
        }
    }

    /** A vector or model was computed with a different feature schema than the one in use. */
    public static final class SchemaMismatchException extends IllegalStateException {
        public SchemaMismatchException(String message) {
            super(message);
        }
    }
}

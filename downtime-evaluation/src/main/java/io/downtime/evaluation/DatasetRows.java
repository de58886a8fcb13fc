package io.downtime.evaluation;

import io.downtime.features.TrainingRows;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.FeatureSchema;
import io.downtime.features.InstanceSeries;
import io.downtime.features.datasets.Entity;
import io.downtime.features.profile.NormalProfile;
import io.downtime.features.profile.VectorProfile;
import io.downtime.models.LabelledRows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a dataset's entities into labelled feature rows with the services' own feature code, using only what a live
 * system observes: the metric values. The labels become row labels and nothing else; a dataset observes no down state.
 * <p>
 * Each signal is first put in standard deviations from its mean over the entity's unlabelled train part (per-entity
 * normalisation, which uses no label and nothing of the labelled part); where a dataset has no train part (NAB) the
 * first 15 % of the series, NAB's own probationary period, stands in. A {@link NormalProfile} of the entity is fitted
 * on the first {@value #PROFILE_SHARE} of that reference and its scores join the signals. The rest of the reference is
 * the entity's <em>calibration</em> history: unlabelled rows the profile was not fitted on, on which a score's normal
 * range on that entity can be read without any label (see {@link InstanceThresholds}). The train part is kept as
 * history in front of the labelled part, so the first labelled rows have full windows; only labelled rows whose label
 * is known, after the reference, become rows.
 */
final class DatasetRows {

    /** Share of a series without a train part that stands in for it. */
    static final double PROBATION = 0.15;
    /** Share of the reference (unlabelled) part the normal profile is fitted on; the rest calibrates thresholds. */
    static final double PROFILE_SHARE = 0.7;
    /** Most calibration rows kept per entity: the newest ones, a few days. */
    static final int MAX_CALIBRATION_ROWS = 10_000;

    /** Prefix of the features relative to the entity's own normal. */
    static final String RELATIVE = "rel_";

    private final boolean profiles;
    private final FeatureExtractor extractor;
    private final FeatureSchema schema;
    private final Duration step;
    private final int horizonSteps;

    /**
     * @param signals the dataset's signals
     * @param step    time between samples
     * @param horizon the prediction horizon
     */
    DatasetRows(List<String> signals, Duration step, Duration horizon) {
        this(signals, step, horizon, true);
    }

    /**
     * @param profiles with the normal profile's scores and the relative features (offline evaluation); without, exactly
     *                 the features feature-service computes, so a model trained on them can be served
     */
    DatasetRows(List<String> signals, Duration step, Duration horizon, boolean profiles) {
        this.profiles = profiles;
        List<String> all = new ArrayList<>(signals);
        if (profiles) {
            all.addAll(NormalProfile.SCORES);
        }
        this.extractor = new FeatureExtractor(all, step);
        this.step = step;
        this.horizonSteps = (int) Math.max(1, horizon.toMillis() / step.toMillis());
        this.schema = profiles ? withRelativeNames(extractor.schema()) : extractor.schema();
    }

    /** The features of {@code computed}, then each of them again with the {@value #RELATIVE} prefix. */
    private static FeatureSchema withRelativeNames(FeatureSchema computed) {
        List<FeatureSchema.Feature> features = new ArrayList<>(computed.features());
        computed.features().forEach(feature -> features.add(feature.relativeWith(RELATIVE)));
        return new FeatureSchema(features, computed.definition() + " relative=" + VectorProfile.class.getSimpleName());
    }

    int horizonSteps() {
        return horizonSteps;
    }

    /**
     * The rows of one entity.
     *
     * @param labelled    the labelled rows, in time order
     * @param calibration unlabelled rows of its own history before them (all labelled 0: nothing is known of them)
     */
    record EntityRows(LabelledRows labelled, LabelledRows calibration) {
    }

    /** The labelled and calibration rows of one entity. */
    EntityRows rows(Entity entity) {
        int reference = referenceLength(entity);
        int profileEnd = Math.max(10, (int) Math.round(reference * PROFILE_SHARE));
        InstanceSeries normalised = normalised(entity);
        InstanceSeries series = profiles ? NormalProfile.fit(normalised, 0, profileEnd).withScores(normalised)
                : normalised;
        // Rows start after the reference, whatever the dataset: where it is not a train part of its own (NAB's
        // probationary share), a row inside it would see statistics fitted on samples after it.
        int labelledFrom = Math.max(entity.train().length(), reference);
        Rows labelled = new Rows(entity.name(), series);
        TrainingRows.forEachInMemory(extractor, series, horizonSteps, labelledFrom, labelled::add);
        // Calibration rows: the entity's own unlabelled history, all 0 (nothing is known of them).
        Rows calibration = new Rows(entity.name(), series);
        for (int t = Math.max(profileEnd, reference - MAX_CALIBRATION_ROWS); t < reference; t++) {
            calibration.add(t, (byte) 0, extractor.vectorAt(series, t));
        }
        EntityRows rows = new EntityRows(labelled.toRows(extractor.schema()), calibration.toRows(extractor.schema()));
        return profiles ? withRelative(rows) : rows;
    }

    /**
     * The schema of the rows: the extractor's features, then each of them again relative to the entity's own
     * calibration history ({@value #RELATIVE} prefix, see {@link VectorProfile}).
     */
    FeatureSchema schema() {
        return schema;
    }

    /** Each vector followed by itself relative to the entity's own calibration history. */
    private EntityRows withRelative(EntityRows rows) {
        VectorProfile profile = VectorProfile.fit(rows.calibration().vectors(), extractor.schema().size());
        return new EntityRows(withRelative(rows.labelled(), profile), withRelative(rows.calibration(), profile));
    }

    private LabelledRows withRelative(LabelledRows rows, VectorProfile profile) {
        int size = extractor.schema().size();
        double[][] vectors = new double[rows.size()][];
        for (int r = 0; r < vectors.length; r++) {
            double[] both = Arrays.copyOf(rows.vectors()[r], 2 * size);
            System.arraycopy(profile.relative(rows.vectors()[r]), 0, both, size, size);
            vectors[r] = both;
        }
        return new LabelledRows(schema, vectors, rows.labels(), rows.incidents(), rows.observedDown(),
                rows.instances(), rows.timestamps(), step);
    }

    /** Rows of one series as they are added. */
    private final class Rows {
        private final String name;
        private final InstanceSeries series;
        private final List<double[]> vectors = new ArrayList<>();
        private final List<Integer> index = new ArrayList<>();
        private final List<Byte> labels = new ArrayList<>();

        Rows(String name, InstanceSeries series) {
            this.name = name;
            this.series = series;
        }

        void add(int t, byte label, double[] vector) {
            index.add(t);
            labels.add(label);
            vectors.add(vector);
        }

        LabelledRows toRows(FeatureSchema schema) {
            int n = index.size();
            byte[] rowLabels = new byte[n];
            boolean[] incidents = new boolean[n];
            boolean[] observedDown = new boolean[n];
            String[] instances = new String[n];
            long[] timestamps = new long[n];
            for (int i = 0; i < n; i++) {
                int t = index.get(i);
                rowLabels[i] = labels.get(i);
                incidents[i] = series.incidents()[t];
                observedDown[i] = series.observedDown()[t];
                instances[i] = name;
                timestamps[i] = series.timestamps()[t];
            }
            return new LabelledRows(schema, vectors.toArray(double[][]::new), rowLabels, incidents, observedDown,
                    instances, timestamps, step);
        }
    }

    /** Samples of the entity's unlabelled reference: its train part, or NAB's probationary share. */
    private static int referenceLength(Entity entity) {
        int train = entity.train().length();
        return train > 0 ? train : (int) Math.max(2, entity.test().length() * PROBATION);
    }

    /** Train and labelled parts joined, each signal in standard deviations from its mean over the reference part. */
    static InstanceSeries normalised(Entity entity) {
        InstanceSeries train = entity.train();
        InstanceSeries test = entity.test();
        int reference = referenceLength(entity);
        int length = train.length() + test.length();
        long[] timestamps = new long[length];
        System.arraycopy(train.timestamps(), 0, timestamps, 0, train.length());
        System.arraycopy(test.timestamps(), 0, timestamps, train.length(), test.length());
        boolean[] incidents = new boolean[length];
        System.arraycopy(test.incidents(), 0, incidents, train.length(), test.length());
        List<String> signals = test.signals();
        double[][] values = new double[signals.size()][];
        for (int s = 0; s < signals.size(); s++) {
            double[] joined = new double[length];
            System.arraycopy(train.valuesOf(signals.get(s)), 0, joined, 0, train.length());
            System.arraycopy(test.valuesOf(signals.get(s)), 0, joined, train.length(), test.length());
            double[] referenceValues = Arrays.copyOf(joined, Math.min(reference, length));
            double mean = Arrays.stream(referenceValues).filter(Double::isFinite).average().orElse(0);
            double variance = Arrays.stream(referenceValues).filter(Double::isFinite)
                    .map(v -> (v - mean) * (v - mean)).average().orElse(0);
            double std = variance > 1e-12 ? Math.sqrt(variance) : 1;
            for (int t = 0; t < length; t++) {
                joined[t] = (joined[t] - mean) / std;
            }
            values[s] = joined;
        }
        return InstanceSeries.labelled(entity.name(), timestamps, signals, values, incidents);
    }
}

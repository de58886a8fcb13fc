package io.downtime.bench.micro;

import io.downtime.features.DowntimeLabels;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.InstanceSeries;
import io.downtime.models.Algorithm;
import io.downtime.models.DowntimeModel;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inputs shaped like the services' own: 15 signals at one-minute resolution with a day of history (the feature
 * extractor's default schema, 363 features), outages preceded by a climbing signal, and an XGBoost model trained with
 * the predictor's default settings on vectors computed from them.
 */
final class SimulatedFleet {

    static final int SIGNALS = 15;
    static final Duration STEP = Duration.ofMinutes(1);
    static final int HORIZON_SAMPLES = 60;

    final FeatureExtractor extractor;
    final List<InstanceSeries> histories = new ArrayList<>();

    SimulatedFleet(int instances, int extraSamples, long seed) {
        List<String> signals = new ArrayList<>();
        for (int s = 0; s < SIGNALS; s++) {
            signals.add("signal_" + s);
        }
        extractor = new FeatureExtractor(signals, STEP);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < instances; i++) {
            histories.add(history("server-" + i, signals, extractor.historyNeeded() + extraSamples, random));
        }
    }

    /** The latest feature vector of every instance. */
    double[][] latestVectors() {
        double[][] vectors = new double[histories.size()][];
        for (int i = 0; i < vectors.length; i++) {
            InstanceSeries series = histories.get(i);
            vectors[i] = extractor.vectorAt(series, series.length() - 1);
        }
        return vectors;
    }

    /** An XGBoost model (the predictor's default settings) trained on every {@code step}-th labelled sample. */
    DowntimeModel trainXGBoost(int step) {
        List<double[]> vectors = new ArrayList<>();
        List<Byte> labels = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        for (InstanceSeries series : histories) {
            byte[] labelled = DowntimeLabels.label(series.incidents(), HORIZON_SAMPLES);
            for (int t = extractor.historyNeeded(); t < series.length(); t += step) {
                if (labelled[t] != DowntimeLabels.UNKNOWN) {
                    vectors.add(extractor.vectorAt(series, t));
                    labels.add(labelled[t]);
                    instances.add(series.instance());
                    timestamps.add(series.timestamps()[t]);
                }
            }
        }
        byte[] labelArray = new byte[labels.size()];
        long[] timeArray = new long[labels.size()];
        for (int i = 0; i < labelArray.length; i++) {
            labelArray[i] = labels.get(i);
            timeArray[i] = timestamps.get(i);
        }
        LabelledRows rows = new LabelledRows(extractor.schema(), vectors.toArray(double[][]::new), labelArray,
                instances.toArray(String[]::new), timeArray, STEP);
        return Algorithm.XGBOOST.trainer(ModelSettings.defaults(HORIZON_SAMPLES)).apply(rows);
    }

    /** Noisy signals around a per-server level; before each outage one signal climbs for up to an hour. */
    private static InstanceSeries history(String name, List<String> signals, int length, SplittableRandom random) {
        long[] timestamps = new long[length];
        double[][] values = new double[signals.size()][length];
        boolean[] down = new boolean[length];
        double[] level = new double[signals.size()];
        for (int s = 0; s < level.length; s++) {
            level[s] = random.nextDouble();
        }
        int nextOutage = 600 + random.nextInt(1500);
        int ramp = 20 + random.nextInt(60);
        int climbing = random.nextInt(signals.size());
        for (int t = 0; t < length; t++) {
            timestamps[t] = t * STEP.toMillis();
            if (t >= nextOutage + 15) {
                nextOutage = t + 600 + random.nextInt(1500);
                ramp = 20 + random.nextInt(60);
                climbing = random.nextInt(signals.size());
            }
            down[t] = t >= nextOutage;
            for (int s = 0; s < level.length; s++) {
                double value = level[s] + 0.05 * random.nextGaussian();
                if (s == climbing && t > nextOutage - ramp && t < nextOutage) {
                    value += 0.5 * (t - (nextOutage - ramp)) / (double) ramp;
                }
                values[s][t] = down[t] ? Double.NaN : value;
            }
        }
        return InstanceSeries.observed(name, timestamps, signals, values, down);
    }
}

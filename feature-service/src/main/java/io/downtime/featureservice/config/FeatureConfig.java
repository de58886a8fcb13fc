package io.downtime.featureservice.config;

import io.downtime.features.FeatureExtractor;
import io.downtime.features.PrometheusDurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the features, under {@code features.}. */
@ConfigMapping(prefix = "features")
public interface FeatureConfig {

    /** Signals to compute features of, as the collector names them; all of the collector's signals when unset. */
    Optional<List<String>> signals();

    /** Window lengths in samples; each signal gets mean, std, min, max, slope, EWMA and change over each. */
    @WithDefault(FeatureExtractor.WINDOWS)
    List<Integer> windows();

    /** Samples of each instance's own history its z-scores compare against (6 hours at one sample a minute). */
    @WithDefault(FeatureExtractor.BASELINE_TEXT)
    int baseline();

    /** How often the collector's feed is read for new samples, Prometheus notation. */
    @WithDefault("5s")
    @WithConverter(PrometheusDurationConverter.class)
    Duration refreshInterval();

    /** History a training set is built from, Prometheus notation. */
    @WithDefault("2d")
    @WithConverter(PrometheusDurationConverter.class)
    Duration trainingWindow();
}

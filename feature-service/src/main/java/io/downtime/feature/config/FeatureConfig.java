package io.downtime.feature.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Configuration of the features, under {@code features.}. */
@ConfigMapping(prefix = "features")
public interface FeatureConfig {

    /** Signals to compute features of, as the collector names them. */
    @WithDefault("cpu_busy,load1,memory_available_ratio,filesystem_avail_ratio,network_errors_per_second")
    List<String> signals();

    /** Window lengths in samples; each signal gets mean, std, min, max and slope over each. */
    @WithDefault("15,60")
    List<Integer> windows();

    /** Time between two samples of the collector, Prometheus notation. */
    @WithDefault("1m")
    String step();

    /** History a training set is built from, Prometheus notation. */
    @WithDefault("2d")
    String trainingWindow();
}

package io.downtime.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the collector, under {@code collector.}. Durations are in Prometheus notation. */
@ConfigMapping(prefix = "collector")
public interface CollectorConfig {

    /** Where metrics come from: {@code simulator} (the default). */
    @WithDefault("simulator")
    String source();

    /** How much history each instance keeps in memory; older samples are dropped. */
    @WithDefault("3d")
    String retention();

    /** The built-in fleet simulator. */
    Simulator simulator();

    interface Simulator {

        /** Number of simulated servers. */
        @WithDefault("20")
        int servers();

        /** Seed of the simulation: the same seed gives the same fleet history. */
        @WithDefault("42")
        long seed();

        /** Time between two samples of a server. */
        @WithDefault("1m")
        String step();

        /** History generated at start-up, so models can train at once. */
        @WithDefault("2d")
        String history();

        /** Simulated time per real time: 1 is real time, 60 runs an hour a minute. */
        @WithDefault("1")
        double speed();
    }
}

package io.downtime.collector.config;

import io.downtime.features.PrometheusDurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the collector, under {@code collector.}. Durations are in Prometheus notation. */
@ConfigMapping(prefix = "collector")
public interface CollectorConfig {

    /** Where metrics come from. */
    enum Source implements io.downtime.features.ServedId {
        /** The built-in fleet simulator. */
        SIMULATOR,
        /** A Prometheus-API store. */
        PROMETHEUS,
        /** A labelled dataset replayed as a live fleet. */
        REPLAY;

        /** Its name in configuration, in {@code GET /signals} and in metric labels: {@code simulator}. */
        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String id() {
            return io.downtime.features.ServedId.super.id();
        }
    }

    /** Where metrics come from: {@code simulator} (default), {@code prometheus} or {@code replay}. */
    @WithDefault("simulator")
    Source source();

    /** Time between two samples of an instance. */
    @WithDefault("1m")
    @WithConverter(PrometheusDurationConverter.class)
    Duration step();

    /** How much history each instance keeps in memory; older samples are dropped. */
    @WithDefault("3d")
    @WithConverter(PrometheusDurationConverter.class)
    Duration retention();

    /** The part of the fleet this replica keeps, {@code i/n}: instances whose name hashes to i modulo n. */
    @WithDefault("0/1")
    String shard();

    /**
     * The signals, each a PromQL expression giving one series per instance (label {@code instance}); used by the
     * Prometheus source. Defaults in application.properties follow node-exporter's metric names.
     */
    Map<String, String> signals();

    /** Reading a Prometheus-API store (Prometheus, Thanos, Mimir, VictoriaMetrics). */
    Prometheus prometheus();

    /** The built-in fleet simulator. */
    Simulator simulator();

    /** Replay of a labelled dataset. */
    Replay replay();

    /** Log ingestion at {@code POST /ingest/logs}. */
    Logs logs();

    /** Incidents declared by Alertmanager's alerts, at {@code POST /ingest/alertmanager}. */
    Alertmanager alertmanager();

    interface Alertmanager {

        /** Names of the alerts that declare an outage of the instance they name. */
        @WithDefault("InstanceDown")
        List<String> alertNames();

        /**
         * Label matchers an alert must also satisfy, in Prometheus notation: {@code severity="critical"},
         * {@code env!="test"}, {@code job=~"node|db"}; none by default.
         */
        Optional<List<String>> matchers();

        /** The label that names the instance (as the collector names it). */
        @WithDefault("instance")
        String instanceLabel();

        /** The journal of the declared incidents: on a volume that survives restarts. */
        @WithDefault("data/collector/incidents.journal")
        String journal();
    }

    interface Prometheus {

        /** Base URL of the Prometheus HTTP API, e.g. {@code http://prometheus:9090}. */
        @WithDefault("http://localhost:9090")
        String url();

        /** History read at start-up, so models can train at once. */
        @WithDefault("1d")
        @WithConverter(PrometheusDurationConverter.class)
        Duration lookback();

        /** Longest wait for one query. */
        @WithDefault("10s")
        @WithConverter(PrometheusDurationConverter.class)
        Duration timeout();

        /** PromQL whose series mark an instance as down (in an incident) at each step. */
        @WithDefault("up == 0")
        String downExpression();

        /** Down periods shorter than this are not incidents (a missed scrape is not an outage). */
        @WithDefault("2m")
        @WithConverter(PrometheusDurationConverter.class)
        Duration minDownDuration();
    }

    interface Simulator {

        /** Whether the simulated fleet runs (always when it is the source; else only to serve scrape targets). */
        @WithDefault("true")
        boolean enabled();

        /** Number of simulated servers. */
        @WithDefault("20")
        int servers();

        /** Seed of the simulation: the same seed gives the same fleet history. */
        @WithDefault("42")
        long seed();

        /** History generated at start-up, so models can train at once. */
        @WithDefault("2d")
        @WithConverter(PrometheusDurationConverter.class)
        Duration history();

        /** Simulated time per real time: 1 is real time, 60 runs an hour a minute. */
        @WithDefault("1")
        double speed();
    }

    interface Replay {

        /** Dataset format: {@code smd}, {@code asd} or {@code nab}. */
        @WithDefault("smd")
        String dataset();

        /** Directory of the dataset, laid out as in its SOURCE.md. */
        Optional<String> dir();

        /** Data appended at once at start-up, so models can train at once. */
        @WithDefault("7d")
        @WithConverter(PrometheusDurationConverter.class)
        Duration history();

        /** Dataset time per real time: 60 replays an hour of data a minute. */
        @WithDefault("60")
        double speed();
    }

    interface Logs {

        /** Most lines one batch may carry. */
        @WithDefault("10000")
        int maxLines();

        /** Most instances whose log counters are kept at once. */
        @WithDefault("100000")
        int maxInstances();

        /** Fields naming the instance, tried in order; dotted names reach into nested objects. */
        @WithDefault("instance,host,hostname,kubernetes.host")
        List<String> instanceFields();

        /** Fields holding the severity. */
        @WithDefault("level,severity,log.level")
        List<String> levelFields();

        /** Fields holding the text. */
        @WithDefault("message,log,msg")
        List<String> messageFields();

        /** Fields holding the time (epoch seconds or ISO-8601); the arrival time when absent. */
        @WithDefault("timestamp,time,@timestamp,date")
        List<String> timeFields();

        /** Message patterns counted as signals {@code log_<name>}, as Java regular expressions. */
        Map<String, String> patterns();
    }
}

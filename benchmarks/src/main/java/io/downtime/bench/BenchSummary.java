package io.downtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the reports {@code bin/bench} wrote into its directory ({@code features.json}, {@code collector.json},
 * {@code jmh.json}, {@code http.json}, {@code fleet.json}) into {@code report.json}, and writes and prints {@code report.md}: the tables
 * README.md quotes.
 */
public final class BenchSummary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchSummary() {
    }

    /** {@code BenchSummary DIR}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        ObjectNode report = JSON.createObjectNode();
        StringBuilder md = new StringBuilder("# bin/bench report\n");
        if (args.length >= 4) {
            report.put("command", args[1]);
            report.put("date", args[2]);
            report.put("cores", args[3]);
            md.append("\nMade by `").append(args[1]).append("` on ").append(args[2]).append(", ").append(args[3])
                    .append(" cores.\n");
        }
        JsonNode features = read(dir.resolve("features.json"));
        JsonNode collector = read(dir.resolve("collector.json"));
        JsonNode jmh = read(dir.resolve("jmh.json"));
        JsonNode http = read(dir.resolve("http.json"));
        JsonNode fleet = read(dir.resolve("fleet.json"));
        if (jmh != null) {
            ObjectNode micro = report.putObject("microbenchmarks");
            md.append("\n## Microbenchmarks (JMH, one thread)\n\n| benchmark | time | ± |\n|---|---|---|\n");
            for (JsonNode run : jmh) {
                String name = run.path("benchmark").asText().replaceFirst("^.*\\.bench\\.micro\\.", "");
                JsonNode metric = run.path("primaryMetric");
                ObjectNode entry = micro.putObject(name);
                entry.put("score", metric.path("score").asDouble());
                entry.put("error", metric.path("scoreError").asDouble());
                entry.put("unit", metric.path("scoreUnit").asText());
                md.append(String.format(Locale.ROOT, "| %s | %.2f %s | %.2f |%n", name, metric.path("score").asDouble(),
                        metric.path("scoreUnit").asText(), metric.path("scoreError").asDouble()));
            }
        }
        if (features != null) {
            report.set("features", features);
            md.append(String.format(Locale.ROOT, "%n## Features%n%n| what | result |%n|---|---|%n"
                            + "| latest vectors of %d instances (%d features) | %.2f s |%n"
                            + "| labelled training rows written as CSV | %,d/s |%n",
                    features.path("instances").asInt(), features.path("features").asInt(),
                    features.path("latest_vectors_seconds").asDouble(), features.path("training_rows_per_second").asLong()));
        }
        if (collector != null) {
            report.set("collector", collector);
            md.append(String.format(Locale.ROOT, "%n## Collector%n%n| what | result |%n|---|---|%n"
                            + "| heap for %d instances x %d signals x %d h | %.0f MB (%.0f bytes per instance-signal-hour) |%n"
                            + "| samples appended | %,d/s |%n| log lines parsed and counted | %,d/s |%n",
                    collector.path("instances").asInt(), collector.path("signals").asInt(), collector.path("hours").asInt(),
                    collector.path("window_heap_bytes").asDouble() / 1e6,
                    collector.path("bytes_per_instance_signal_hour").asDouble(),
                    collector.path("samples_appended_per_second").asLong(), collector.path("log_lines_per_second").asLong()));
        }
        if (http != null) {
            report.set("http", http);
            appendHttp(md, http);
        }
        if (fleet != null) {
            report.set("fleet", fleet);
            appendFleet(md, fleet);
        }
        JSON.writeValue(dir.resolve("report.json").toFile(), report);
        Files.writeString(dir.resolve("report.md"), md);
        System.out.print(md);
    }

    private static void appendHttp(StringBuilder md, JsonNode http) {
        md.append(String.format(Locale.ROOT, "%n## HTTP (%d cores shared by services and load generator; %d features per "
                + "request; heap %s per service)%n%n| load | endpoint | requests/s | p50 ms | p99 ms | errors |%n"
                + "|---|---|---|---|---|---|%n", http.path("cores").asInt(), http.path("features_per_request").asInt(),
                http.path("heap_per_service").asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = http.path("maximum_throughput").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode row = entry.getValue();
            String name = row.has("rows_per_second")
                    ? entry.getKey() + " (" + row.path("rows_per_request").asInt() + " rows: "
                    + String.format(Locale.ROOT, "%,d", row.path("rows_per_second").asLong()) + " rows/s)"
                    : entry.getKey();
            md.append(httpRow("maximum (wrk)", name, row));
        }
        for (JsonNode row : http.path("fixed_rate")) {
            md.append(httpRow(row.path("target_rate").asInt() + "/s (hey)", row.path("name").asText(), row));
        }
        md.append("\n| service | start-up s | RSS MiB | peak RSS MiB |\n|---|---|---|---|\n");
        JsonNode startup = http.path("startup_seconds");
        for (Iterator<Map.Entry<String, JsonNode>> it = http.path("memory_mib").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String started = entry.getKey().equals("predictor-service")
                    ? startup.path("predictor-service_model_from_registry").asText() + " (with a stored model; "
                    + startup.path("predictor-service_first_model_trained").asText() + " training the first)"
                    : startup.path(entry.getKey()).asText();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f |%n", entry.getKey(), started,
                    entry.getValue().path("rss").asDouble(), entry.getValue().path("peak_rss").asDouble()));
        }
        if (http.has("soak")) {
            md.append("\n### Soak: /predict at 500 requests/s while the fleet is scored\n\n"
                    + "| minute | requests/s | p50 ms | p99 ms | errors | predictor RSS MiB | collector RSS MiB |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (JsonNode row : http.path("soak")) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %d | %.0f | %.0f |%n",
                        row.path("minute").asInt(), row.path("requests_per_second").asLong(), row.path("p50_ms").asDouble(),
                        row.path("p99_ms").asDouble(), row.path("errors").asLong(), row.path("predictor_rss_mib").asDouble(),
                        row.path("collector_rss_mib").asDouble()));
            }
        }
        md.append("\nTargets:\n\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = http.path("targets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            md.append("- ").append(entry.getKey().replace('_', ' ')).append(": ").append(entry.getValue().asText())
                    .append('\n');
        }
    }

    private static void appendFleet(StringBuilder md, JsonNode fleet) {
        md.append(String.format(Locale.ROOT, "%n## Fleet (the system from its jars, %d cores, heap %s per service, a day "
                        + "of history)%n%n| servers | predictor ready after | scoring cycle mean / max | RSS collector / "
                        + "feature / predictor MiB (peak) | collector bytes per value | POST /predict {instance} |%n"
                        + "|---|---|---|---|---|---|%n", fleet.path("cores").asInt(),
                fleet.path("heap_per_service").asText()));
        for (JsonNode row : fleet.path("fleets")) {
            JsonNode memory = row.path("memory_mib");
            md.append(String.format(Locale.ROOT, "| %,d | %.0f s | %.2f / %.2f s | %.0f / %.0f / %.0f (%.0f / %.0f / %.0f) "
                            + "| %.2f | %,d/s (p99 %.1f ms, %d errors) |%n",
                    row.path("servers").asInt(), row.path("predictor_ready_seconds").asDouble(),
                    row.path("scoring_cycle_mean_seconds").asDouble(), row.path("scoring_cycle_max_seconds").asDouble(),
                    memory.path("collector-service").path("rss").asDouble(),
                    memory.path("feature-service").path("rss").asDouble(),
                    memory.path("predictor-service").path("rss").asDouble(),
                    memory.path("collector-service").path("peak_rss").asDouble(),
                    memory.path("feature-service").path("peak_rss").asDouble(),
                    memory.path("predictor-service").path("peak_rss").asDouble(),
                    row.path("collector_bytes_per_value").asDouble(), row.path("predict_by_name_per_second").asLong(),
                    row.path("predict_by_name_p99_ms").asDouble(), row.path("predict_by_name_errors").asLong()));
        }
        for (JsonNode row : fleet.path("fleets")) {
            md.append(String.format(Locale.ROOT, "%nAt %,d servers: champion %s (comparison of every algorithm %s); "
                            + "training rows: %s%n", row.path("servers").asInt(), row.path("champion").asText(),
                    row.path("comparison_finished").asBoolean() ? "finished before the load" : "still running",
                    row.path("training_rows").asText()));
        }
    }

    private static String httpRow(String load, String endpoint, JsonNode row) {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %d |%n", load, endpoint,
                row.path("requests_per_second").asLong(), row.path("p50_ms").asDouble(), row.path("p99_ms").asDouble(),
                row.path("errors").asLong());
    }

    private static JsonNode read(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    }
}

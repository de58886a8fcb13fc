package io.downtime.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.stub.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system as a user runs it, at fleet scale: for each fleet size, starts collector (simulator with
 * {@code collector.simulator.servers} servers and a day of history, {@code collector.retention=1d}), feature-service
 * and predictor-service from their jars, each with {@value #HEAP} of heap, and measures how long until the predictor is
 * ready, how long a fleet scoring cycle takes, each service's resident memory, the collector's bytes per stored value,
 * and the throughput of {@code POST /predict {"instance"}} (wrk). Writes {@code fleet.json}.
 */
public final class FleetBenchmark {

    static final String HEAP = "1g";
    private static final int COLLECTOR = 18181;
    private static final int FEATURES = 18182;
    private static final int PREDICTOR = 18183;
    private static final Duration READY = Duration.ofMinutes(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SCORING_COUNT = Pattern.compile(
            "^downtime_predictor_scoring_duration_seconds_count(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern SCORING_SUM = Pattern.compile(
            "^downtime_predictor_scoring_duration_seconds_sum(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern SCORING_MAX = Pattern.compile(
            "^downtime_predictor_scoring_duration_seconds_max(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final Path root;
    private final Path out;
    private final int seconds;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetBenchmark(Path root, Path out, int seconds) {
        this.root = root;
        this.out = out;
        this.seconds = seconds;
    }

    /** {@code FleetBenchmark PROJECT_DIR OUT_DIR SECONDS_PER_RUN FLEET_SIZE...}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FleetBenchmark PROJECT_DIR OUT_DIR SECONDS_PER_RUN FLEET_SIZE...");
            System.exit(2);
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        new FleetBenchmark(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2])).run(sizes);
    }

    private void run(List<Integer> sizes) throws Exception {
        Files.createDirectories(out);
        ObjectNode report = json.createObjectNode();
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("heap_per_service", HEAP);
        report.put("history", "1d");
        report.put("retention", "1d");
        report.put("seconds_per_load_run", seconds);
        ArrayNode fleets = report.putArray("fleets");
        for (int servers : sizes) {
            fleets.add(measure(servers));
            json.writeValue(out.resolve("fleet.json").toFile(), report);
        }
        System.out.println(json.writeValueAsString(report));
    }

    private ObjectNode measure(int servers) throws Exception {
        ObjectNode row = json.createObjectNode();
        row.put("servers", servers);
        Path registry = out.resolve("fleet-registry-" + servers);
        LoadBenchmark.deleteRecursively(registry);
        Path logs = out.resolve("logs");
        List<ServiceProcess> started = new ArrayList<>();
        try {
            progress(servers, "starting collector, feature-service and predictor-service (-Xmx" + HEAP + " each)");
            ServiceProcess collector = start(started, "collector-service", COLLECTOR, logs, servers, List.of(
                    "collector.simulator.servers=" + servers, "collector.simulator.history=1d",
                    "collector.retention=1d"));
            ServiceProcess features = start(started, "feature-service", FEATURES, logs, servers, List.of(
                    "quarkus.rest-client.collector.url=http://127.0.0.1:" + COLLECTOR));
            ServiceProcess predictor = start(started, "predictor-service", PREDICTOR, logs, servers, List.of(
                    "quarkus.rest-client.features.url=http://127.0.0.1:" + FEATURES,
                    "predictor.registry-dir=" + registry, "predictor.scoring-interval=10s"));
            double collectorReady = collector.awaitStatus200("/q/health/ready", READY);
            progress(servers, String.format(Locale.ROOT, "collector ready after %.0f s", collectorReady));
            double ready = predictor.awaitStatus200("/q/health/ready", READY);
            progress(servers, String.format(Locale.ROOT, "predictor ready after %.0f s", ready));
            row.put("collector_ready_seconds", round(collectorReady));
            row.put("predictor_ready_seconds", round(ready));

            progress(servers, "waiting for three fleet scorings");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (metric(predictor, SCORING_COUNT) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            double count = metric(predictor, SCORING_COUNT);
            row.put("scoring_cycles", count);
            row.put("scoring_cycle_mean_seconds", count == 0 ? Double.NaN : round(metric(predictor, SCORING_SUM) / count));
            row.put("scoring_cycle_max_seconds", round(metric(predictor, SCORING_MAX)));

            String collectorMetrics = get(collector.url("/q/metrics"));
            double bytes = value(collectorMetrics, "downtime_collector_stored_bytes");
            double values = value(collectorMetrics, "downtime_collector_stored_values");
            row.put("collector_stored_values", values);
            row.put("collector_stored_mib", round(bytes / (1 << 20)));
            row.put("collector_bytes_per_value", round(bytes / values));

            // Measure the steady state: the comparison of every algorithm (background jobs after the first model)
            // is done, or ten minutes have passed.
            progress(servers, "waiting for the comparison of every algorithm to end (at most 10 min)");
            long compared = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            boolean finished = false;
            while (System.nanoTime() < compared) {
                JsonNode jobs = json.readTree(get(predictor.url("/jobs")));
                JsonNode models = json.readTree(get(predictor.url("/models")));
                boolean running = false;
                for (JsonNode job : jobs) {
                    running |= job.path("state").asText().equals("running");
                }
                if (!running && models.size() >= 6) {
                    finished = true;
                    break;
                }
                Thread.sleep(2000);
            }
            row.put("comparison_finished", finished);
            row.put("champion", json.readTree(get(predictor.url("/models/champion"))).path("algorithm").asText());

            String instance = json.readTree(get(collector.url("/instances"))).path(0).path("instance").asText();
            Path body = out.resolve("fleet-predict-" + servers + ".json");
            Files.writeString(body, "{\"instance\":\"" + instance + "\"}");
            String predictUrl = predictor.url("/predict");
            progress(servers, "POST /predict {\"instance\"} with wrk, 32 connections, " + seconds + " s");
            Wrk.post(predictUrl, body, 32, Math.min(seconds, 5), out);
            LoadResult predict = Wrk.post(predictUrl, body, 32, seconds, out);
            row.put("predict_by_name_per_second", Math.round(predict.requestsPerSecond()));
            row.put("predict_by_name_p99_ms", round(predict.p99Millis()));
            row.put("predict_by_name_errors", predict.errors());

            ObjectNode memory = row.putObject("memory_mib");
            for (ServiceProcess service : started) {
                ServiceProcess.Memory m = service.memory();
                ObjectNode entry = memory.putObject(service.name());
                entry.put("rss", round(m.rssMiB()));
                entry.put("peak_rss", round(m.peakRssMiB()));
            }
            JsonNode champion = json.readTree(get(predictor.url("/models/champion")));
            row.put("training_rows", champion.path("trainingRows").asText());
            progress(servers, row.toString());
        } finally {
            for (ServiceProcess service : started) {
                service.close();
            }
        }
        return row;
    }

    private ServiceProcess start(List<ServiceProcess> started, String name, int port, Path logs, int servers,
                                 List<String> properties) throws IOException {
        Path jar = ServiceProcess.packagedJar(root.resolve(name));
        ServiceProcess service = ServiceProcess.start(name, jar, port,
                logs.resolve("fleet-" + servers + "-" + name + ".log"), ServiceProcess.properties(properties), HEAP);
        started.add(service);
        return service;
    }

    private static double metric(ServiceProcess service, Pattern pattern) throws IOException, InterruptedException {
        Matcher matcher = pattern.matcher(get(service.url("/q/metrics")));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double value(String metrics, String name) {
        Matcher matcher = Pattern.compile("^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void progress(int servers, String message) {
        System.err.printf("[fleet %,d] %s%n", servers, message);
    }
}

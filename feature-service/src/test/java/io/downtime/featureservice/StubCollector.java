package io.downtime.featureservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.features.Base64Columns;
import io.downtime.stub.ApiContract;
import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * collector-service at the HTTP boundary: two instances of {@value #LENGTH} one-minute samples. On {@code srv-a}
 * cpu_busy rises by 0.01 a sample from 0 and the instance is down at samples 20–22; {@code srv-b} is flat and up.
 * Values are {@code float}s, as the collector keeps them. Serves the feed (everything at the first read, nothing new
 * afterwards), samples (JSON and compact), instances and incidents.
 */
public class StubCollector implements QuarkusTestResourceLifecycleManager {

    static final int LENGTH = 30;
    static final long START = 1_767_225_600_000L;
    static final String EPOCH = "stub-run";
    private static final List<String> SIGNALS = List.of("cpu_busy", "memory_available_ratio");
    private static final List<String> INSTANCES = List.of("srv-a", "srv-b");

    private HttpStub stub;

    @Override
    public Map<String, String> start() {
        stub = new HttpStub().honouring(ApiContract.of("collector-service")).on("/signals", uri -> HttpStub.Reply.json(
                "{\"source\":\"simulator\",\"step\":\"1m\",\"signals\":[\"cpu_busy\",\"memory_available_ratio\"],"
                        + "\"logSignals\":[]}"));
        stub.on("/samples", uri -> {
            String instance = HttpStub.query(uri, "instance");
            boolean compact = "compact".equals(HttpStub.query(uri, "format"));
            if (instance == null) {
                return HttpStub.Reply.json(json(INSTANCES.stream().map(i -> samples(i, compact)).toList()));
            }
            if (!INSTANCES.contains(instance)) {
                return HttpStub.Reply.notFound();
            }
            return HttpStub.Reply.json(json(List.of(samples(instance, compact))));
        });
        stub.on("/feed", uri -> {
            String after = HttpStub.query(uri, "after");
            boolean everything = after == null || after.equals("0") || !EPOCH.equals(HttpStub.query(uri, "epoch"));
            int lag = Integer.parseInt(HttpStub.query(uri, "lag"));
            Map<String, Object> feed = new LinkedHashMap<>();
            feed.put("epoch", EPOCH);
            feed.put("sequence", 2L * LENGTH);
            feed.put("step", "1m");
            feed.put("signals", SIGNALS);
            feed.put("lag", lag);
            feed.put("instances", everything ? INSTANCES.stream().map(i -> feed(i, lag)).toList() : List.of());
            feed.put("nextOffset", null);
            return HttpStub.Reply.json(json(feed));
        });
        stub.on("/sim/history", uri -> {
            Map<String, Object> simulated = samples("srv-a", true);
            simulated.put("instance", "sim-web-1");
            return HttpStub.Reply.json(json(List.of(simulated)));
        });
        stub.on("/instances", uri -> HttpStub.Reply.json(json(INSTANCES.stream()
                .map(i -> Map.of("instance", i, "samples", LENGTH, "up", true, "stale", true, "lastSample",
                        java.time.Instant.ofEpochMilli(START + (LENGTH - 1) * 60_000L).toString())).toList())));
        Map<String, Object> incident = new LinkedHashMap<>(Map.of("instance", "srv-a",
                "start", "2026-01-01T00:20:00Z", "end", "2026-01-01T00:23:00Z", "source", "samples"));
        incident.put("alert", null); // an incident of the samples was declared by no alert
        stub.on("/incidents", uri -> HttpStub.Reply.json(json(List.of(incident))));
        return Map.of("quarkus.rest-client.collector.url", stub.url());
    }

    private static float[][] values(String instance) {
        boolean isA = instance.equals("srv-a");
        float[][] values = new float[2][LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            boolean down = isA && t >= 20 && t <= 22;
            values[0][t] = down ? Float.NaN : isA ? (float) (t / 100.0) : 0.5f;
            values[1][t] = down ? Float.NaN : 0.7f;
        }
        return values;
    }

    private static boolean[] down(String instance) {
        boolean[] down = new boolean[LENGTH];
        for (int t = 20; t <= 22 && instance.equals("srv-a"); t++) {
            down[t] = true;
        }
        return down;
    }

    private static long[] timestamps() {
        long[] timestamps = new long[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            timestamps[t] = START + t * 60_000L;
        }
        return timestamps;
    }

    private static Map<String, Object> samples(String instance, boolean compact) {
        float[][] values = values(instance);
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("instance", instance);
        samples.put("step", "1m");
        samples.put("signals", SIGNALS);
        samples.put("timestamps", timestamps());
        samples.put("values", compact ? Arrays.stream(values).map(Base64Columns::encodeFloats).toList()
                : Arrays.stream(values).map(StubCollector::boxed).toList());
        samples.put("observedDown", down(instance));
        samples.put("incidents", down(instance));
        return samples;
    }

    private static Map<String, Object> feed(String instance, int lag) {
        float[][] values = values(instance);
        float[][] lagged = new float[2][LENGTH];
        for (int s = 0; s < 2; s++) {
            for (int t = 0; t < LENGTH; t++) {
                lagged[s][t] = t >= lag ? values[s][t - lag] : Float.NaN;
            }
        }
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("instance", instance);
        feed.put("reset", true);
        feed.put("timestamps", timestamps());
        feed.put("values", Arrays.stream(values).map(Base64Columns::encodeFloats).toList());
        feed.put("observedDown", down(instance));
        feed.put("lagged", Arrays.stream(lagged).map(Base64Columns::encodeFloats).toList());
        return feed;
    }

    private static List<Double> boxed(float[] values) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (float value : values) {
            boxed.add(Float.isNaN(value) ? null : (double) value);
        }
        return boxed;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The running stub, as started by {@link #start()}. */
    HttpStub stub() {
        return stub;
    }

    @Override
    public void stop() {
        stub.close();
    }
}

package io.downtime.feature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
public class StubCollector implements QuarkusTestResourceLifecycleManager {

    static final int LENGTH = 30;
    static final long START = 1_767_225_600_000L;

    private HttpStub stub;

    @Override
    public Map<String, String> start() {
        stub = new HttpStub().on("/signals", uri -> HttpStub.Reply.json(
                "{\"source\":\"stub\",\"step\":\"1m\",\"signals\":[\"cpu_busy\",\"memory_available_ratio\"]}"));
        stub.on("/samples", uri -> {
            String instance = HttpStub.query(uri, "instance");
            if (instance == null) {
                return HttpStub.Reply.json(json(List.of(samples("srv-a"), samples("srv-b"))));
            }
            if (!instance.equals("srv-a") && !instance.equals("srv-b")) {
                return HttpStub.Reply.notFound();
            }
            return HttpStub.Reply.json(json(List.of(samples(instance))));
        });
        return Map.of("quarkus.rest-client.collector.url", stub.url());
    }

    private static Map<String, Object> samples(String instance) {
        long[] timestamps = new long[LENGTH];
        Double[] cpu = new Double[LENGTH];
        Double[] memory = new Double[LENGTH];
        boolean[] down = new boolean[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            timestamps[t] = START + t * 60_000L;
            boolean isA = instance.equals("srv-a");
            down[t] = isA && t >= 20 && t <= 22;
            cpu[t] = down[t] ? null : isA ? t / 100.0 : 0.5;
            memory[t] = down[t] ? null : 0.7;
        }
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("instance", instance);
        samples.put("step", "1m");
        samples.put("signals", List.of("cpu_busy", "memory_available_ratio"));
        samples.put("timestamps", timestamps);
        samples.put("values", new ArrayList<>(Arrays.asList(cpu, memory)));
        samples.put("observedDown", down);
        samples.put("incidents", down);
        return samples;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        stub.close();
    }
}

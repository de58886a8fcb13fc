package io.downtime.collector.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.collector.prometheus.PrometheusApi.PrometheusException;
import io.downtime.collector.prometheus.PrometheusApi.Series;

import java.util.HashMap;
import java.util.Map;

/** Reads the JSON answer of {@code /api/v1/query_range}. */
final class PrometheusResponse {

    private PrometheusResponse() {
    }

    static Map<String, Series> matrix(JsonNode body, String query) {
        if (!"success".equals(body.path("status").asText())) {
            String type = body.path("errorType").asText("unknown");
            throw new PrometheusException("Prometheus rejected '" + query + "': " + type + ": "
                    + body.path("error").asText(), "bad_data".equals(type), null);
        }
        JsonNode data = body.path("data");
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new PrometheusException("Prometheus answered '" + query + "' with a "
                    + data.path("resultType").asText() + ", not a matrix", true, null);
        }
        Map<String, Series> byInstance = new HashMap<>();
        for (JsonNode series : data.path("result")) {
            JsonNode instance = series.path("metric").path("instance");
            if (instance.isMissingNode()) {
                continue;
            }
            JsonNode points = series.path("values");
            long[] timestamps = new long[points.size()];
            double[] values = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                timestamps[i] = Math.round(points.get(i).get(0).asDouble() * 1000);
                values[i] = value(points.get(i).get(1).asText());
            }
            byInstance.put(instance.asText(), new Series(timestamps, values));
        }
        return byInstance;
    }

    /** Prometheus writes values as strings, with {@code NaN}, {@code +Inf} and {@code -Inf}. */
    static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}

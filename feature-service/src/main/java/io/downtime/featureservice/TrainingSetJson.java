package io.downtime.featureservice;

import io.downtime.features.FeatureSchema;

import java.io.IOException;
import java.io.Writer;

/**
 * The JSON form of a training set, written row by row as it streams:
 * {@code {"schema": hash, "names": [...], "rows": [{"instance", "timestamp", "label", "incident", "observedDown", "vector": [...]}, ...]}},
 * with null for a missing value.
 */
final class TrainingSetJson {

    private final Writer out;
    private boolean first = true;

    TrainingSetJson(Writer out, FeatureSchema schema) throws IOException {
        this.out = out;
        out.write("{\"schema\":\"" + schema.hash() + "\",\"names\":[");
        for (int i = 0; i < schema.size(); i++) {
            out.write((i == 0 ? "\"" : ",\"") + schema.names().get(i) + "\"");
        }
        out.write("],\"rows\":[");
    }

    void row(String instance, long timestamp, byte label, boolean incident, boolean observedDown, double[] vector) throws IOException {
        StringBuilder row = new StringBuilder(16 * vector.length + 64);
        row.append(first ? "" : ",").append("\n{\"instance\":").append(quoted(instance))
                .append(",\"timestamp\":").append(timestamp).append(",\"label\":").append(label)
                .append(",\"incident\":").append(incident).append(",\"observedDown\":").append(observedDown).append(",\"vector\":[");
        for (int i = 0; i < vector.length; i++) {
            row.append(i == 0 ? "" : ",").append(Double.isNaN(vector[i]) ? "null" : Double.toString(vector[i]));
        }
        out.write(row.append("]}").toString());
        first = false;
    }

    void end() throws IOException {
        out.write("\n]}\n");
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}

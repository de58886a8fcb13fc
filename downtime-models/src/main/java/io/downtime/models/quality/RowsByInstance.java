package io.downtime.models.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of several instances, grouped: the one place rows are split by instance for per-instance figures. */
public final class RowsByInstance {

    private RowsByInstance() {
    }

    /** The positions of each instance's rows, in time order. */
    public static Map<String, List<Integer>> of(String[] instances, long[] timestamps) {
        Map<String, List<Integer>> byInstance = new HashMap<>();
        for (int i = 0; i < instances.length; i++) {
            byInstance.computeIfAbsent(instances[i], k -> new ArrayList<>()).add(i);
        }
        byInstance.values().forEach(indices -> indices.sort((a, b) -> Long.compare(timestamps[a], timestamps[b])));
        return byInstance;
    }
}

package io.downtime.models.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Incident-level figures, as DESIGN.md defines them. An incident is a run of down rows of one instance. It is caught
 * when an alarm (score at or above the threshold) falls in {@code [onset - H, end)}; its lead time is the onset minus
 * the first such alarm (positive: warned before it began; negative: detected that long after).
 *
 * @param incidents         incidents in the rows
 * @param eventRecall       share of incidents caught; null without incidents
 * @param earlyRecall       share of incidents caught before their onset; null without incidents
 * @param medianLeadMinutes median lead time of the caught incidents; null when none was caught
 */
public record EventMetrics(int incidents, Double eventRecall, Double earlyRecall, Double medianLeadMinutes) {

    /** The figures of {@code scores} at {@code threshold}; rows of several instances, in any order. */
    public static EventMetrics of(double[] scores, boolean[] down, String[] instances, long[] timestamps,
                                  double threshold, Duration horizon) {
        Map<String, List<Integer>> byInstance = RowsByInstance.of(instances, timestamps);
        int incidents = 0;
        int caught = 0;
        int early = 0;
        List<Double> leads = new ArrayList<>();
        for (List<Integer> rows : byInstance.values()) {
            for (int[] run : incidentRuns(rows, down)) {
                long onset = timestamps[rows.get(run[0])];
                long endTime = run[1] < rows.size() ? timestamps[rows.get(run[1])] : Long.MAX_VALUE;
                incidents++;
                Long firstAlarm = null;
                for (int i : rows) {
                    long t = timestamps[i];
                    if (t >= onset - horizon.toMillis() && t < endTime && scores[i] >= threshold) {
                        firstAlarm = t;
                        break;
                    }
                }
                if (firstAlarm != null) {
                    caught++;
                    double lead = (onset - firstAlarm) / 60_000.0;
                    leads.add(lead);
                    if (lead > 0) {
                        early++;
                    }
                }
            }
        }
        return new EventMetrics(incidents, incidents == 0 ? null : (double) caught / incidents,
                incidents == 0 ? null : (double) early / incidents, median(leads));
    }

    /** Incidents in rows of several instances, in any order: runs of consecutive incident rows of one instance. */
    public static int count(boolean[] down, String[] instances, long[] timestamps) {
        int incidents = 0;
        for (List<Integer> rows : RowsByInstance.of(instances, timestamps).values()) {
            incidents += incidentRuns(rows, down).size();
        }
        return incidents;
    }

    /** The runs of incident rows among one instance's {@code rows} (in time order): {@code [start, end)} positions. */
    private static List<int[]> incidentRuns(List<Integer> rows, boolean[] down) {
        List<int[]> runs = new ArrayList<>();
        int r = 0;
        while (r < rows.size()) {
            if (!down[rows.get(r)]) {
                r++;
                continue;
            }
            int end = r;
            while (end < rows.size() && down[rows.get(end)]) {
                end++;
            }
            runs.add(new int[]{r, end});
            r = end;
        }
        return runs;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package io.downtime.collector;

import io.downtime.features.InstanceSeries;

import com.fasterxml.jackson.annotation.JsonValue;
import io.downtime.features.ServedId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Incidents are runs of down samples; runs shorter than a minimum that have ended are not incidents. */
public final class Incidents {

    /** Where an incident is known from. */
    public enum Source implements ServedId {
        /** A run of down samples: the metric source's down expression, the simulator, or a dataset's labels. */
        SAMPLES,
        /** An alert that Alertmanager sent to {@code POST /ingest/alertmanager}. */
        ALERTMANAGER;

        @JsonValue
        @Override
        public String id() {
            return ServedId.super.id();
        }
    }

    /**
     * One incident.
     *
     * @param instance the instance
     * @param start    time of its first down sample, or when its alert started firing
     * @param end      time of the first sample after it, or when its alert resolved; null while it is under way
     * @param source   where it is known from
     * @param alert    the alert that declared it; null for one of the samples
     */
    public record Incident(String instance, Instant start, Instant end, Source source, String alert) {

        static Incident ofSamples(String instance, Instant start, Instant end) {
            return new Incident(instance, start, end, Source.SAMPLES, null);
        }
    }

    private Incidents() {
    }

    /** The down runs of {@code down}: {@code [start, end)} index pairs, {@code end == down.length} while under way. */
    private static List<int[]> runs(boolean[] down) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= down.length; t++) {
            boolean isDown = t < down.length && down[t];
            if (isDown && start < 0) {
                start = t;
            } else if (!isDown && start >= 0) {
                runs.add(new int[]{start, t});
                start = -1;
            }
        }
        return runs;
    }

    /**
     * {@code down} without the runs shorter than {@code minSteps} that ended within the data (a run still under way
     * at the end is kept: it may yet grow long enough).
     */
    public static boolean[] withoutShortRuns(boolean[] down, int minSteps) {
        boolean[] kept = down.clone();
        for (int[] run : runs(down)) {
            if (run[1] < down.length && run[1] - run[0] < minSteps) {
                Arrays.fill(kept, run[0], run[1], false);
            }
        }
        return kept;
    }

    /**
     * The series with the incidents shorter than {@code minSteps} cleared from its labels; what the source observed is
     * kept as it was, so a feature sees a short outage in the history exactly as it saw it live.
     */
    public static InstanceSeries withoutShortRuns(InstanceSeries series, int minSteps) {
        if (minSteps <= 1) {
            return series;
        }
        return series.withIncidents(withoutShortRuns(series.incidents(), minSteps));
    }

    /** The incidents of a series whose short runs are already cleared. */
    public static List<Incident> of(InstanceSeries series) {
        long[] timestamps = series.timestamps();
        return runs(series.incidents()).stream()
                .map(run -> Incident.ofSamples(series.instance(), Instant.ofEpochMilli(timestamps[run[0]]),
                        run[1] < timestamps.length ? Instant.ofEpochMilli(timestamps[run[1]]) : null))
                .toList();
    }
}

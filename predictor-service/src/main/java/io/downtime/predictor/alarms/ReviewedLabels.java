package io.downtime.predictor.alarms;

import io.downtime.models.LabelledRows;
import io.downtime.predictor.alarms.Alarm.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' reviews as training labels: the rows of an instance within a confirmed alarm count as positive,
 * within a false alarm as negative, except rows at which an incident was under way (the source or an alert saw the
 * outage: no review unsees it). Unreviewed alarms change nothing: a mitigated failure that never happened stays what
 * the source observed, not a positive of its own.
 */
public final class ReviewedLabels {

    /** The rows with the reviewed labels, and how many labels the reviews changed each way. */
    public record Relabelled(LabelledRows rows, int madePositive, int madeNegative) {
    }

    private ReviewedLabels() {
    }

    public static Relabelled apply(LabelledRows rows, List<Alarm> reviewed) {
        Map<String, List<Alarm>> byInstance = new HashMap<>();
        for (Alarm alarm : reviewed) {
            if (alarm.review() != null) {
                byInstance.computeIfAbsent(alarm.instance(), i -> new ArrayList<>()).add(alarm);
            }
        }
        if (byInstance.isEmpty()) {
            return new Relabelled(rows, 0, 0);
        }
        byte[] labels = rows.labels().clone();
        int positive = 0;
        int negative = 0;
        for (int row = 0; row < labels.length; row++) {
            List<Alarm> alarms = byInstance.get(rows.instances()[row]);
            if (alarms == null) {
                continue;
            }
            for (Alarm alarm : alarms) {
                if (!alarm.covers(rows.timestamps()[row])) {
                    continue;
                }
                byte label = alarm.review().verdict() == Verdict.CONFIRMED ? (byte) 1 : (byte) 0;
                if (labels[row] != label && !(label == 0 && rows.incidents()[row])) {
                    labels[row] = label;
                    if (label == 1) {
                        positive++;
                    } else {
                        negative++;
                    }
                }
            }
        }
        return new Relabelled(new LabelledRows(rows.schema(), rows.vectors(), labels, rows.incidents(),
                rows.observedDown(), rows.instances(), rows.timestamps(), rows.step()), positive, negative);
    }
}

package io.downtime.web.client;

import java.util.Locale;

/** What operators said of one model version's alarms ({@code GET /alarms/outcomes} of predictor-service). */
public record AlarmOutcomes(String modelVersion, long confirmed, long falseAlarms, long unreviewed,
                            Double reviewedPrecision) {

    /** E.g. {@code 0.750 (3 of 4 reviewed, 2 waiting)}, or a dash before any review. */
    public String text() {
        long reviewed = confirmed + falseAlarms;
        String waiting = unreviewed > 0 ? ", " + unreviewed + " waiting" : "";
        return reviewedPrecision == null ? "–" + (unreviewed > 0 ? " (" + unreviewed + " waiting)" : "")
                : String.format(Locale.ROOT, "%.3f (%d of %d reviewed%s)", reviewedPrecision, confirmed, reviewed,
                waiting);
    }
}

package io.downtime.web.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An alarm of predictor-service ({@code GET /alarms}), as the UI shows it.
 *
 * @param review null while nobody reviewed it
 */
public record Alarm(long id, String instance, String model, String modelVersion, double threshold, Instant start,
                    Instant lastHigh, Instant end, double peakProbability, List<Reason> reasons, Review review) {

    /** A feature behind the alarm's peak score, with its contribution in log-odds. */
    public record Reason(String feature, double contribution) {
    }

    /** What an operator said: {@code confirmed} or {@code false-alarm}, with a note. */
    public record Review(String verdict, String note, Instant reviewedAt) {
    }

    public boolean open() {
        return end == null;
    }

    public String peakPercent() {
        return String.format(Locale.ROOT, "%.1f %%", peakProbability * 100);
    }

    /** The reasons as one line, strongest first. */
    public String reasonText() {
        return reasons == null ? "" : String.join(", ", reasons.stream().limit(3).map(Reason::feature).toList());
    }
}

package io.downtime.predictor.alarms;

import com.fasterxml.jackson.annotation.JsonValue;
import io.downtime.features.ServedId;
import io.downtime.models.Explanation.Contribution;

import java.time.Instant;
import java.util.List;

/**
 * An alarm: an episode of an instance's risk at or above its threshold (its own or the model's: {@link
 * io.downtime.predictor.scoring.OwnThresholds}). It ends once the risk has stayed under the threshold for the
 * configured time (as the alert rule's {@code keep_firing_for}), so a dip does not split one episode into two.
 *
 * @param id              its number, in the order alarms began
 * @param instance        the instance
 * @param horizon         the prediction's horizon
 * @param model           name of the model that raised it
 * @param modelVersion    its registry version
 * @param threshold       the instance's alarm threshold under that model when the alarm began
 * @param start           the first score at or above the threshold
 * @param lastHigh        the last score at or above it
 * @param end             the first score under the threshold after {@code lastHigh}, once the alarm has ended;
 *                        null while it is open
 * @param peakProbability its highest probability
 * @param reasons         the strongest reasons of the score at the peak
 * @param review          what an operator said of it; null while unreviewed
 */
public record Alarm(long id, String instance, String horizon, String model, String modelVersion, double threshold,
                    Instant start, Instant lastHigh, Instant end, double peakProbability, List<Contribution> reasons,
                    Review review) {

    /** An operator's verdict on an alarm. */
    public enum Verdict implements ServedId {
        /** A real problem: its window counts as positive in training. */
        CONFIRMED,
        /** Nothing was wrong: its window counts as negative in training. */
        FALSE_ALARM;

        @JsonValue
        @Override
        public String id() {
            return ServedId.super.id();
        }
    }

    /**
     * A review.
     *
     * @param verdict    real problem or false alarm
     * @param note       what the operator wrote; may be empty
     * @param reviewedAt when
     */
    public record Review(Verdict verdict, String note, Instant reviewedAt) {
    }

    public boolean open() {
        return end == null;
    }

    /** The time the alarm covers for training: from its start to its last score at or above the threshold. */
    public boolean covers(long timestamp) {
        return timestamp >= start.toEpochMilli() && timestamp <= lastHigh.toEpochMilli();
    }

    Alarm withScore(Instant time, double probability, List<Contribution> scoreReasons) {
        boolean peak = probability > peakProbability;
        return new Alarm(id, instance, horizon, model, modelVersion, threshold, start, time, end,
                peak ? probability : peakProbability, peak ? scoreReasons : reasons, review);
    }

    Alarm endedAt(Instant time) {
        return new Alarm(id, instance, horizon, model, modelVersion, threshold, start, lastHigh, time, peakProbability,
                reasons, review);
    }

    Alarm reviewed(Review given) {
        return new Alarm(id, instance, horizon, model, modelVersion, threshold, start, lastHigh, end, peakProbability,
                reasons, given);
    }
}

package io.downtime.web.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The predictor's newest fleet scores, riskiest first; {@code stale} with a reason when its data source stopped
 * answering after them.
 */
public record FleetRisk(Instant scoredAt, List<Prediction> predictions, boolean stale, String staleReason) {

    /**
     * One instance's score and its strongest reasons; {@code thresholdSource} says whose alarm threshold it stands
     * against: {@code instance} (its own, from its own recent scores) or {@code model}.
     */
    public record Prediction(String instance, double probability, String horizon, String risk, double threshold,
                               String thresholdSource, Model model, List<Contribution> explanation,
                               String explanationMethod, Instant featuresAt, boolean stale) {

        /** The contribution of largest magnitude, or null when there is none. */
        public Contribution topContribution() {
            return explanation == null || explanation.isEmpty() ? null : explanation.get(0);
        }

        /** The alarm threshold as a percentage, for display. */
        public String thresholdPercent() {
            return String.format(Locale.ROOT, "%.1f %%", threshold * 100);
        }

        /** Whose alarm threshold it is, for display. */
        public String thresholdOwner() {
            return "instance".equals(thresholdSource) ? "its own, from its scores of the past week" : "the model's";
        }

        /** Probability as a percentage with one decimal, for display. */
        public String percent() {
            return String.format(Locale.ROOT, "%.1f %%", probability * 100);
        }
    }

    public record Model(String name, String version) {
    }

    public record Contribution(String feature, double contribution) {

        /** Whether this feature raises the risk. */
        public boolean raises() {
            return contribution > 0;
        }
    }
}

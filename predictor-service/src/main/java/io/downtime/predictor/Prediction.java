package io.downtime.predictor;

import io.downtime.models.Explanation.Contribution;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.alarm.Risk;
import io.downtime.predictor.scoring.ThresholdSource;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code /predict}.
 *
 * @param instance          the instance
 * @param probability       probability that it is in, or enters, an incident within the horizon
 * @param horizon           the horizon, Prometheus notation
 * @param risk              {@code high} at or above the threshold, {@code elevated} at or above half of it, else {@code low}
 * @param threshold         the instance's alarm threshold: its own, read from its own recent scores, once it has been
 *                          scored by this model for a day; else the model's
 * @param thresholdSource   whose threshold it is: {@code instance} or {@code model}
 * @param model             name and registry version of the model
 * @param explanation       largest feature contributions, in log-odds, largest magnitude first
 * @param explanationMethod how the contributions were computed; {@code none} when the caller asked for no
 *                          explanation ({@code ?explain=false})
 * @param featuresAt        time of the newest sample the features use; null when the caller gave the features
 * @param stale             not a current prediction: the features are old (the instance or its metric source
 *                          stopped reporting), or feature-service is unreachable and this is the instance's last
 *                          fleet score
 */
public record Prediction(String instance, double probability, String horizon, Risk risk, double threshold,
                         ThresholdSource thresholdSource, ModelRef model, List<Contribution> explanation,
                         ExplanationMethod explanationMethod, Instant featuresAt, boolean stale) {

    /** Which model answered. */
    public record ModelRef(String name, String version) {
    }

    /** This prediction, marked as no longer current. */
    public Prediction markedStale() {
        return stale ? this : new Prediction(instance, probability, horizon, risk, threshold, thresholdSource, model,
                explanation, explanationMethod, featuresAt, true);
    }
}

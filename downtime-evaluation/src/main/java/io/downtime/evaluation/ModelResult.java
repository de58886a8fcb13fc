package io.downtime.evaluation;

import io.downtime.models.ModelQuality;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One model's line of an evaluation report, with the fields DESIGN.md's report contract names.
 *
 * @param name              algorithm
 * @param learned           false for the baselines
 * @param quality           every figure on the test rows, pooled over the tested servers
 * @param servers           the same figures for each tested server alone
 * @param scoreMicrosPerRow time to score one row on one thread
 */
record ModelResult(String name, boolean learned, ModelQuality quality, List<Server> servers, double scoreMicrosPerRow) {

    /** One tested server's figures. */
    record Server(String name, ModelQuality quality) {
    }

    Double eventRecall() {
        return quality.events().eventRecall();
    }

    Double earlyRecall() {
        return quality.events().earlyRecall();
    }

    Double medianLeadMinutes() {
        return quality.events().medianLeadMinutes();
    }

    List<double[]> precisionRecall() {
        return quality.precisionRecall();
    }

    /** Mean of a figure over the servers on which it is defined (PR-AUC needs a positive row); NaN when none. */
    double meanOverServers(ToDoubleFunction<ModelQuality> figure) {
        return servers.stream().mapToDouble(s -> figure.applyAsDouble(s.quality())).filter(Double::isFinite)
                .average().orElse(Double.NaN);
    }

    /** The most false alarms per day of any tested server. */
    double worstServerFalseAlarmsPerDay() {
        return servers.stream().mapToDouble(s -> s.quality().falseAlarmsPerDay()).max().orElse(Double.NaN);
    }
}

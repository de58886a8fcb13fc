package io.downtime.models;

import io.downtime.models.quality.BinaryMetrics;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Chooses a hyperparameter the way the product is used, on servers it was not trained on: the instances are split in
 * two halves, a model is fitted with each candidate on one half and measured by PR-AUC on the other, both ways, and the
 * candidate with the best mean wins. Choosing on the last stretch of time instead rewards what the same servers did
 * before; on SMD that picks settings that lose on the test month.
 */
public final class CrossInstanceChoice {

    private static final Logger LOG = Logger.getLogger(CrossInstanceChoice.class);
    /** Most held-out rows scored per fit: kernel models cost a kernel evaluation per support vector and row. */
    private static final int MAX_SCORED_ROWS = 5_000;

    private CrossInstanceChoice() {
    }

    /**
     * The best of {@code candidates}; the first when the rows cannot be split into two halves that both have incidents.
     *
     * @param fit  fits a model on the given rows with the given candidate
     * @param what names the hyperparameter in the log line
     */
    public static double best(LabelledRows rows, double[] candidates, BiFunction<LabelledRows, Double, ? extends DowntimeModel> fit,
                              String what) {
        List<String> names = Arrays.stream(rows.instances()).distinct().sorted().toList();
        Set<String> half = new HashSet<>();
        for (int i = 0; i < names.size(); i += 2) {
            half.add(names.get(i));
        }
        LabelledRows a = rows.where(r -> half.contains(rows.instances()[r]));
        LabelledRows b = rows.where(r -> !half.contains(rows.instances()[r]));
        if (a.positives() == 0 || b.positives() == 0) {
            return candidates[0];
        }
        double best = candidates[0];
        double bestPrAuc = -1;
        List<String> measured = new ArrayList<>();
        for (double candidate : candidates) {
            double prAuc = (prAuc(fit.apply(a, candidate), b) + prAuc(fit.apply(b, candidate), a)) / 2;
            measured.add(String.format(Locale.ROOT, "%s: %.3f", candidate, prAuc));
            if (prAuc > bestPrAuc) {
                best = candidate;
                bestPrAuc = prAuc;
            }
        }
        LOG.infof("%s %s, by PR-AUC on servers left out of training (%s)", what, best, String.join(", ", measured));
        return best;
    }

    private static double prAuc(DowntimeModel model, LabelledRows heldOut) {
        int every = Math.max(1, (heldOut.size() + MAX_SCORED_ROWS - 1) / MAX_SCORED_ROWS);
        LabelledRows scored = heldOut.where(r -> r % every == 0);
        return BinaryMetrics.prAuc(QualityMeasurement.scores(model, scored), scored.labels());
    }
}

package io.downtime.featureservice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which instances a bounded training set is built from. Each chosen instance contributes its whole history (so alarm
 * episodes, incidents and false alarms per day stay measurable on it, and no server contributes more than its own
 * history); when the fleet's rows exceed {@code maxRows}, instances with an incident fill up to half of the budget
 * (all of them when they fit) and instances without one fill the rest, both chosen at random with a fixed seed. Memory
 * is then bounded by {@code maxRows} whatever the fleet size.
 *
 * @param instances   the chosen instances, in name order
 * @param rows        their rows (as estimated from their sample counts)
 * @param description how the rows were chosen, for the model's metadata
 */
public record TrainingSelection(List<String> instances, long rows, String description) {

    /** An instance that could contribute rows. */
    public record Candidate(String instance, long rows, boolean hadIncident) {
    }

    public static TrainingSelection of(List<Candidate> candidates, long maxRows, long seed) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        long total = candidates.stream().mapToLong(Candidate::rows).sum();
        List<Candidate> sorted = candidates.stream().sorted(Comparator.comparing(Candidate::instance)).toList();
        if (total <= maxRows) {
            return new TrainingSelection(sorted.stream().map(Candidate::instance).toList(), total,
                    "every row of all " + candidates.size() + " instances");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> withIncident = shuffled(sorted.stream().filter(Candidate::hadIncident).toList(), random);
        List<Candidate> without = shuffled(sorted.stream().filter(c -> !c.hadIncident()).toList(), random);
        List<Candidate> chosen = new ArrayList<>();
        long rows = take(withIncident, maxRows / 2, chosen, 0);
        int incidentsChosen = chosen.size();
        rows = take(without, maxRows, chosen, rows);
        int withoutChosen = chosen.size() - incidentsChosen;
        if (withoutChosen == without.size()) {
            rows = take(withIncident.subList(incidentsChosen, withIncident.size()), maxRows, chosen, rows);
            incidentsChosen = chosen.size() - withoutChosen;
        }
        String description = String.format("%d rows of %d of %d instances (at most %d rows): %d of the %d with an "
                        + "incident and %d of the %d without, chosen at random, each with its whole history", rows,
                chosen.size(), candidates.size(), maxRows, incidentsChosen, withIncident.size(), withoutChosen,
                without.size());
        return new TrainingSelection(chosen.stream().map(Candidate::instance).sorted().toList(), rows, description);
    }

    /** Adds candidates in order while the rows stay within {@code limit}; at least one when none is chosen yet. */
    private static long take(List<Candidate> candidates, long limit, List<Candidate> chosen, long rows) {
        for (Candidate candidate : candidates) {
            if (rows + candidate.rows() > limit && !chosen.isEmpty()) {
                continue;
            }
            chosen.add(candidate);
            rows += candidate.rows();
        }
        return rows;
    }

    private static List<Candidate> shuffled(List<Candidate> candidates, SplittableRandom random) {
        List<Candidate> list = new ArrayList<>(candidates);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Candidate swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }
}

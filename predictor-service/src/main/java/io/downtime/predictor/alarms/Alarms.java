package io.downtime.predictor.alarms;

import io.downtime.journal.Journal;
import io.downtime.journal.JsonJournal;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.alarms.Alarm.Review;
import io.downtime.predictor.alarms.Alarm.Verdict;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alarms of the fleet, followed from the fleet scores, and the operators' reviews of them. An alarm opens at the
 * first score at or above the threshold and ends once its instance's scores have stayed under it for
 * {@code keepOpenFor}. Openings, endings and reviews are in the journal before they are visible (a review before its
 * request is answered); the peak of an open alarm is kept in memory and written when it ends.
 */
public final class Alarms {

    /** Which alarms a listing wants. */
    public enum Filter implements io.downtime.features.ServedId {
        ALL, OPEN, CLOSED, UNREVIEWED, CONFIRMED, FALSE_ALARM;

        boolean keeps(Alarm alarm) {
            return switch (this) {
                case ALL -> true;
                case OPEN -> alarm.open();
                case CLOSED -> !alarm.open();
                case UNREVIEWED -> alarm.review() == null;
                case CONFIRMED -> alarm.review() != null && alarm.review().verdict() == Verdict.CONFIRMED;
                case FALSE_ALARM -> alarm.review() != null && alarm.review().verdict() == Verdict.FALSE_ALARM;
            };
        }
    }

    /**
     * What the reviews of one model's alarms say.
     *
     * @param confirmed  alarms marked a real problem
     * @param falseAlarm alarms marked a false alarm
     * @param unreviewed alarms nobody reviewed yet
     */
    public record Outcomes(long confirmed, long falseAlarm, long unreviewed) {

        /** The precision the reviews imply, confirmed of reviewed; null before any review. */
        public Double precision() {
            long reviewed = confirmed + falseAlarm;
            return reviewed == 0 ? null : (double) confirmed / reviewed;
        }
    }

    private final JsonJournal<Alarm> journal;
    private final Duration keepOpenFor;
    private final Map<Long, Alarm> alarms = new LinkedHashMap<>();
    /** Per instance with an open alarm: its id. */
    private final Map<String, Long> openByInstance = new HashMap<>();
    /** Per instance with an open alarm whose risk is under the threshold: since when. */
    private final Map<String, Instant> underSince = new HashMap<>();
    private long lastId;

    /**
     * @param journal     where alarms and reviews are kept; its records are read back
     * @param keepOpenFor how long an instance's risk must stay under the threshold before its alarm ends
     * @throws IOException when a record of the journal is not an alarm
     */
    public Alarms(Journal journal, Duration keepOpenFor) throws IOException {
        this.journal = new JsonJournal<>(journal, Alarm.class);
        this.keepOpenFor = keepOpenFor;
        for (Alarm alarm : this.journal.records()) {
            alarms.put(alarm.id(), alarm);
            lastId = Math.max(lastId, alarm.id());
        }
        for (Alarm alarm : alarms.values()) {
            if (alarm.open()) {
                openByInstance.put(alarm.instance(), alarm.id());
            }
        }
    }

    /** Follows one fleet scoring: opens, extends and ends alarms. Stale scores change nothing. */
    public synchronized void observe(Instant time, List<Prediction> scores) {
        for (Prediction score : scores) {
            if (score.stale()) {
                continue;
            }
            Long openId = openByInstance.get(score.instance());
            boolean high = score.probability() >= score.threshold();
            if (openId == null) {
                if (high) {
                    Alarm opened = new Alarm(++lastId, score.instance(), score.horizon(), score.model().name(),
                            score.model().version(), score.threshold(), time, time, null, score.probability(),
                            score.explanation(), null);
                    store(opened);
                    openByInstance.put(score.instance(), opened.id());
                }
                continue;
            }
            Alarm open = alarms.get(openId);
            if (high) {
                underSince.remove(score.instance());
                alarms.put(openId, open.withScore(time, score.probability(), score.explanation()));
                continue;
            }
            Instant under = underSince.computeIfAbsent(score.instance(), i -> time);
            if (!time.isBefore(under.plus(keepOpenFor))) {
                store(open.endedAt(under));
                openByInstance.remove(score.instance());
                underSince.remove(score.instance());
            }
        }
    }

    /**
     * Records an operator's verdict (a later one replaces an earlier one).
     *
     * @return the reviewed alarm, or empty when there is no alarm {@code id}
     */
    public synchronized Optional<Alarm> review(long id, Verdict verdict, String note, Instant time) {
        Alarm alarm = alarms.get(id);
        if (alarm == null) {
            return Optional.empty();
        }
        Alarm reviewed = alarm.reviewed(new Review(verdict, note == null ? "" : note, time));
        store(reviewed);
        return Optional.of(reviewed);
    }

    public synchronized Optional<Alarm> get(long id) {
        return Optional.ofNullable(alarms.get(id));
    }

    /** The alarms that {@code filter} keeps, of {@code instance} (all when null), newest first. */
    public synchronized List<Alarm> list(String instance, Filter filter) {
        List<Alarm> listed = new ArrayList<>();
        for (Alarm alarm : alarms.values()) {
            if ((instance == null || alarm.instance().equals(instance)) && filter.keeps(alarm)) {
                listed.add(alarm);
            }
        }
        listed.sort(Comparator.comparing(Alarm::start).thenComparing(Alarm::id).reversed());
        return listed;
    }

    /** The reviewed alarms, the labels they give training. */
    public synchronized List<Alarm> reviewed() {
        return alarms.values().stream().filter(alarm -> alarm.review() != null).toList();
    }

    /** Per model name: how its alarms were judged. */
    public Map<String, Outcomes> outcomes() {
        return outcomes(Alarm::model);
    }

    /** Per model version: how its alarms were judged. */
    public Map<String, Outcomes> outcomesByVersion() {
        return outcomes(Alarm::modelVersion);
    }

    private synchronized Map<String, Outcomes> outcomes(Function<Alarm, String> key) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Alarm alarm : alarms.values()) {
            long[] count = counts.computeIfAbsent(key.apply(alarm), m -> new long[3]);
            count[alarm.review() == null ? 2 : alarm.review().verdict() == Verdict.CONFIRMED ? 0 : 1]++;
        }
        Map<String, Outcomes> outcomes = new LinkedHashMap<>();
        counts.forEach((model, c) -> outcomes.put(model, new Outcomes(c[0], c[1], c[2])));
        return outcomes;
    }

    private void store(Alarm alarm) {
        journal.append(alarm);
        alarms.put(alarm.id(), alarm);
    }
}

package io.downtime.predictor.alarms;

import io.downtime.journal.Journal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Raises alarms and reviews them, one after the other, in the journal {@code args[0]}, printing each acknowledged
 * review: what {@link AlarmsCrashTest} kills.
 */
public final class AlarmReviewer {

    private AlarmReviewer() {
    }

    public static void main(String[] args) throws Exception {
        Alarms alarms = new Alarms(Journal.open(Path.of(args[0])), Duration.ofMinutes(10));
        int known = alarms.list(null, Alarms.Filter.ALL).size();
        System.out.println("ready " + known);
        System.out.flush();
        String note = "n".repeat(1500);
        for (int i = known; ; i++) {
            Instant time = AlarmsTest.T0.plus(Duration.ofMinutes(i));
            alarms.observe(time, List.of(AlarmsTest.score("server-" + i, 0.9, "load")));
            long id = alarms.list("server-" + i, Alarms.Filter.OPEN).get(0).id();
            alarms.review(id, i % 2 == 0 ? Alarm.Verdict.CONFIRMED : Alarm.Verdict.FALSE_ALARM, note + i, time);
            System.out.println("reviewed " + id);
            System.out.flush();
        }
    }
}

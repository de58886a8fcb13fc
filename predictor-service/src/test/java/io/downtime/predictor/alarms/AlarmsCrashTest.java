package io.downtime.predictor.alarms;

import io.downtime.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real process raises and reviews alarms and is killed with SIGKILL at random moments: after each kill the alarms
 * open again from their journal, and every review the process acknowledged is there with its verdict and note.
 */
class AlarmsCrashTest {

    @TempDir
    Path directory;

    @Test
    void killingTheProcessLosesNoAcknowledgedReview() throws Exception {
        Path journal = directory.resolve("alarms.journal");
        Random random = new Random(11);
        Set<Long> acknowledged = new HashSet<>();
        for (int kill = 0; kill < 8; kill++) {
            Process reviewer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AlarmReviewer.class.getName(), journal.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(reviewer.getInputStream(), StandardCharsets.UTF_8));
            assertNotNull(out.readLine(), "the reviewer opened the journal after kill " + kill);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(300));
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.substring("reviewed ".length())));
            }
            reviewer.toHandle().destroyForcibly();
            assertTrue(reviewer.waitFor(10, TimeUnit.SECONDS));
            while ((line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.substring("reviewed ".length())));
            }
            try (Journal reopened = Journal.open(journal)) {
                Alarms alarms = new Alarms(reopened, Duration.ofMinutes(10));
                for (long id : acknowledged) {
                    Alarm alarm = alarms.get(id).orElseThrow(() -> new AssertionError("alarm " + id + " lost"));
                    assertNotNull(alarm.review(), "the review of alarm " + id + " was acknowledged");
                    assertEquals(id % 2 == 1 ? Alarm.Verdict.CONFIRMED : Alarm.Verdict.FALSE_ALARM,
                            alarm.review().verdict(), "alarm " + id);
                }
            }
        }
        assertTrue(acknowledged.size() > 20, acknowledged.size() + " reviews acknowledged in all");
    }
}

package io.downtime.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real process appends records and is killed with SIGKILL at random moments, again and again: every record it
 * acknowledged is there afterwards, in order, nothing else but possibly the one being written, and the journal opens
 * each time. At least one kill must land inside an append (the record written, its acknowledgement not yet given),
 * or the test has not tested what it claims. (Linux finishes a write to a regular file before a SIGKILL takes
 * effect, so a line cut in half is what {@link JournalTest} makes by hand.)
 */
class JournalCrashTest {

    private static final int RECORD_CHARS = 64 * 1024;
    private static final int MAX_KILLS = 60;

    @TempDir
    Path directory;

    @Test
    void killingTheWriterLosesNothingAcknowledgedAndNeverDamagesTheJournal() throws Exception {
        Path file = directory.resolve("crash.journal");
        Random random = new Random(7);
        int insideAppend = 0;
        int acknowledged = -1;
        int kill = 0;
        for (; kill < MAX_KILLS && (insideAppend == 0 || kill < 5); kill++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(), file.toString(),
                    String.valueOf(RECORD_CHARS)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertEquals("ready " + (acknowledged + 1), ready, "the journal holds exactly the acknowledged records");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(200));
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                acknowledged = Integer.parseInt(line.substring("acknowledged ".length()));
            }
            writer.toHandle().destroyForcibly(); // SIGKILL; Process.destroyForcibly would close its output too
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            while ((line = out.readLine()) != null) {
                acknowledged = Integer.parseInt(line.substring("acknowledged ".length()));
            }
            long size = Files.size(file);
            try (Journal journal = Journal.open(file)) {
                List<String> records = journal.records();
                assertTrue(records.size() == acknowledged + 1 || records.size() == acknowledged + 2,
                        records.size() + " records after acknowledging " + (acknowledged + 1));
                for (int i = 0; i < records.size(); i++) {
                    assertTrue(records.get(i).startsWith(i + " "), "record " + i + " in its place");
                    assertEquals(RECORD_CHARS + String.valueOf(i).length() + 1, records.get(i).length());
                }
                if (records.size() == acknowledged + 2 || Files.size(file) < size) {
                    insideAppend++;
                }
                acknowledged = records.size() - 1;
            }
        }
        System.out.println("journal crash test: " + insideAppend + " of " + kill + " kills inside an append");
        assertTrue(insideAppend > 0, "no kill landed inside an append in " + MAX_KILLS + " kills");
    }
}

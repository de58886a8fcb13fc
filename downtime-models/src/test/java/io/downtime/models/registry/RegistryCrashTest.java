package io.downtime.models.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of a real process while it trains and registers models, at random moments: every time, the
 * registry opens, serves a champion at least as new as the last registration the process reported, and every version
 * it lists loads with a matching checksum.
 */
class RegistryCrashTest {

    private static final int KILLS = 12;
    /** Kills go on past {@link #KILLS} until one has landed in the middle of a registration, up to this many. */
    private static final int MAX_KILLS = 80;

    @TempDir
    Path root;

    @Test
    void aProcessKilledWhileTrainingOrWritingLeavesAServableRegistry() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        String lastAcknowledged = null;
        int killedMidWrite = 0;
        int kills = 0;
        while (kills < KILLS || killedMidWrite == 0 && kills < MAX_KILLS) {
            kills++;
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RegistryWriterProcess.class.getName(),
                    root.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the writer process registered nothing");
            lastAcknowledged = line.substring("registered ".length());
            // Let it run on into its next training or write, then kill it without warning (SIGKILL).
            TimeUnit.MICROSECONDS.sleep(random.nextInt(30_000));
            while (out.ready() && (line = out.readLine()) != null) {
                lastAcknowledged = line.substring("registered ".length());
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            if (hasStaging()) {
                killedMidWrite++;
            }

            ModelRegistry reopened = new ModelRegistry(root, 3);
            ModelRegistry.RegisteredModel champion = reopened.champion("1h").orElseThrow();
            assertTrue(champion.metadata().version().compareTo(lastAcknowledged) >= 0,
                    "champion " + champion.metadata().version() + " older than acknowledged " + lastAcknowledged);
            assertTrue(Double.isFinite(champion.model().probability(new double[]{1.5, 0})));
            List<ModelMetadata> versions = reopened.list();
            assertFalse(versions.isEmpty());
            for (ModelMetadata version : versions) {
                assertTrue(reopened.metadata(version.version()).isPresent(), "version " + version.version());
            }
            assertFalse(hasStaging(), "reopening removes what an unfinished registration left");
        }
        System.out.printf("%d kills, %d of them in the middle of a registration%n", kills, killedMidWrite);
        assertTrue(killedMidWrite > 0, "none of " + kills + " kills landed in the middle of a registration, so the"
                + " test showed nothing about a torn write");
    }

    private boolean hasStaging() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("models"))) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
        }
    }
}

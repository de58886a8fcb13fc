package io.downtime.models.registry;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registry whose disk is full or read-only, met by a real process: the registration fails with a message that names
 * the registry and the file system's reason, the champion stays, and nothing on disk changes. "Disk full" is a file
 * size limit ({@code ulimit -f}: writes fail with "File too large", the same path in the code as "No space left on
 * device", and needs no privileges); "read-only" is a read-only bind mount in a user namespace ({@code unshare}).
 */
class RegistryFaultsTest {

    @TempDir
    Path root;

    private String champion;

    private void registerAChampion() throws IOException {
        ModelRegistry registry = new ModelRegistry(root, 3);
        champion = registry.register(ModelRegistryTest.train(7), "1h", ModelRegistryTest.QUALITY)
                .metadata().version();
    }

    @Test
    void aFullDiskFailsTheRegistrationClearlyAndKeepsTheChampion() throws Exception {
        registerAChampion();
        Map<String, Long> before = files();
        long modelBytes = Files.size(root.resolve("models").resolve(champion).resolve("model.json"));
        long limitKib = Math.max(1, modelBytes / 2 / 1024);
        assertTrue(modelBytes / 2 > 1024, "the model must be larger than the smallest limit: " + modelBytes);

        Result run = writeOnce("ulimit -f " + limitKib + " && exec " + java());

        assertEquals(RegistryWriterProcess.FAILED, run.exit(), run.output());
        assertTrue(run.output().contains("champion " + champion), run.output());
        assertTrue(run.output().contains("failed: cannot write model version"), run.output());
        assertTrue(run.output().contains(root.toAbsolutePath().toString()), "names the registry: " + run.output());
        assertTrue(run.output().contains("File too large"), "gives the file system's reason: " + run.output());
        assertUnchanged(before);
    }

    @Test
    void aReadOnlyRegistryStillServesItsChampionAndRefusesWritesClearly() throws Exception {
        if (!canMountInAUserNamespace()) {
            String message = "unshare -rm cannot mount here (user namespaces disabled); read-only registry not tested";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + " (CI must run every test)");
            }
            Assumptions.abort(message);
        }
        registerAChampion();
        // A leftover of an interrupted registration, which a writable registry would remove at opening.
        Files.createDirectories(root.resolve("models").resolve(".staging-leftover"));
        Map<String, Long> before = files();
        String dir = root.toAbsolutePath().toString();

        Result run = writeOnce("unshare -rm sh -c 'mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" \"$0\""
                + " && exec " + java() + "' \"" + dir + "\"");

        assertEquals(RegistryWriterProcess.FAILED, run.exit(), run.output());
        assertTrue(run.output().contains("champion " + champion), "opens and serves: " + run.output());
        assertTrue(run.output().contains("Read-only file system"), run.output());
        assertTrue(run.output().contains("the registry is unchanged"), run.output());
        assertEquals(before, files());
        assertEquals(champion, new ModelRegistry(root, 3).champion("1h").orElseThrow().metadata().version());
    }

    private void assertUnchanged(Map<String, Long> before) throws IOException {
        ModelRegistry reopened = new ModelRegistry(root, 3);
        assertEquals(champion, reopened.champion("1h").orElseThrow().metadata().version());
        assertEquals(before, files(), "no new, torn or missing file");
    }

    /** Every file and directory under the registry with its size. */
    private Map<String, Long> files() throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                sizes.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
            }
        }
        return sizes;
    }

    private record Result(int exit, String output) {
    }

    /** Runs {@code command} (ending in {@link #java()}) with the registry directory; output is stdout and stderr. */
    private Result writeOnce(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the writer process hangs");
        return new Result(process.exitValue(), output);
    }

    /** The writer process, registering one model into the registry; quoted for a shell. */
    private String java() {
        return String.join(" ", List.of(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-XX:-UsePerfData", "-cp", quote(System.getProperty("java.class.path")),
                RegistryWriterProcess.class.getName(), quote(root.toAbsolutePath().toString()), "once"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static boolean canMountInAUserNamespace() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}

package io.downtime.system;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline commands work as a new user runs them after a plain build: {@code bin/evaluate} builds (and installs)
 * what it needs, resolves its classpath and starts, here answering a call without arguments with its usage.
 */
class OfflineCommandsIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void binEvaluateStartsAndExplainsItself() throws Exception {
        Path log = Files.createTempFile("bin-evaluate", ".log");
        Process evaluate = new ProcessBuilder(ROOT.resolve("bin/evaluate").toString()).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(evaluate.waitFor(10, TimeUnit.MINUTES), "bin/evaluate did not end");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(2, evaluate.exitValue(), "a usage error, not a missing class:\n" + output);
        assertTrue(output.contains("bin/evaluate: option --dataset is required"), output);
        assertTrue(output.contains("usage: bin/evaluate --dataset smd|asd|nab"), output);
        assertTrue(!output.contains("NoClassDefFoundError") && !output.contains("ClassNotFoundException"), output);
    }
}

package io.downtime.stub;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program from a Debian package that a test needs. Without it the test is skipped with the package to install, or
 * fails when the environment variable {@code CI} is set (CI must run every test).
 */
public final class SystemTool {

    private SystemTool() {
    }

    public static Path require(String executable, String debianPackage) {
        Path path = Path.of("/usr/bin", executable);
        if (!Files.isExecutable(path)) {
            String message = executable + " is missing: install the Debian package '" + debianPackage
                    + "' (bin/test does that)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}

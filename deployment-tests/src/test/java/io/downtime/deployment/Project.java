package io.downtime.deployment;

import java.nio.file.Path;

/** Files of this repository, wherever Maven runs the tests from. */
final class Project {

    private static final Path ROOT = Path.of(System.getProperty("project.root",
            Path.of(System.getProperty("user.dir")).getParent().toString())).toAbsolutePath().normalize();

    private Project() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }
}

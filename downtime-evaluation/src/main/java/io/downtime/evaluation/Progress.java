package io.downtime.evaluation;

import java.io.PrintStream;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per step otherwise (logs, CI).
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static Progress onStderr() {
        return new Progress(System.err, System.console() != null);
    }

    /** Shows that {@code done} of {@code total} steps are done and what happens now. */
    void update(int done, int total, String what) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3d%% %6.1fs  ", total == 0 ? 100 : 100 * done / total,
                (System.nanoTime() - started) / 1e9) + what;
        if (terminal) {
            out.print("\r\033[K" + bar);
        } else {
            out.println(bar);
        }
        out.flush();
    }

    void finish(String what) {
        update(1, 1, what);
        if (terminal) {
            out.println();
        }
    }
}

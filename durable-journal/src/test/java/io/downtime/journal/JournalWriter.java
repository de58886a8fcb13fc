package io.downtime.journal;

import java.nio.file.Path;

/** Appends numbered records of {@code args[1]} characters to the journal {@code args[0]}, printing each acknowledged one. */
public final class JournalWriter {

    private JournalWriter() {
    }

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.open(Path.of(args[0]));
        int next = journal.records().size();
        String padding = "x".repeat(Integer.parseInt(args[1]));
        System.out.println("ready " + next);
        System.out.flush();
        for (int i = next; ; i++) {
            journal.append(i + " " + padding);
            System.out.println("acknowledged " + i);
            System.out.flush();
        }
    }
}

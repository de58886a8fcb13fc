package io.downtime.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    @TempDir
    Path directory;

    @Test
    void recordsSurviveClosingAndReopening() throws IOException {
        Path file = directory.resolve("a/b/incidents.journal");
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of(), journal.records());
            journal.append("{\"id\":1}");
            journal.append("ünïcödé and spaces");
        }
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of("{\"id\":1}", "ünïcödé and spaces"), journal.records());
            journal.append("third");
        }
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of("{\"id\":1}", "ünïcödé and spaces", "third"), journal.records());
        }
    }

    @Test
    void aLastLineCutShortByACrashIsDroppedAndTheJournalGoesOn() throws IOException {
        Path file = directory.resolve("j");
        try (Journal journal = Journal.open(file)) {
            journal.append("kept");
            journal.append("torn record");
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 5));
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of("kept"), journal.records());
            journal.append("after");
        }
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of("kept", "after"), journal.records());
        }
    }

    @Test
    void aCompleteLastLineWithAWrongChecksumIsDroppedToo() throws IOException {
        Path file = directory.resolve("j");
        try (Journal journal = Journal.open(file)) {
            journal.append("kept");
        }
        Files.writeString(file, "00000000 never acknowledged\n", StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of("kept"), journal.records());
        }
    }

    @Test
    void damageBeforeTheLastLineIsRefusedWithTheFileAndTheByte() throws IOException {
        Path file = directory.resolve("j");
        try (Journal journal = Journal.open(file)) {
            journal.append("first");
            journal.append("second");
            journal.append("third");
        }
        byte[] content = Files.readAllBytes(file);
        int second = new String(content, StandardCharsets.UTF_8).indexOf("second");
        content[second] = 'S';
        Files.write(file, content);
        IOException refused = assertThrows(IOException.class, () -> Journal.open(file));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("damaged at byte " + (second - 9)), refused.getMessage());
        assertEquals(new String(content, StandardCharsets.UTF_8), Files.readString(file), "a refused journal is left as it was");
    }

    @Test
    void aRecordWithALineBreakIsRefusedAndNothingIsWritten() throws IOException {
        Path file = directory.resolve("j");
        try (Journal journal = Journal.open(file)) {
            assertThrows(IllegalArgumentException.class, () -> journal.append("two\nlines"));
            assertThrows(IllegalArgumentException.class, () -> journal.append("carriage\rreturn"));
        }
        assertEquals(0, Files.size(file));
    }
}

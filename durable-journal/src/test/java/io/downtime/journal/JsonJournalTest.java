package io.downtime.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonJournalTest {

    record Event(String instance, Instant at) {
    }

    @TempDir
    Path directory;

    @Test
    void recordsComeBackAsTheyWereWrittenWithTimesInIso8601() throws IOException {
        Path file = directory.resolve("events.journal");
        Event event = new Event("web-1", Instant.parse("2026-01-02T03:04:05.678Z"));
        try (Journal journal = Journal.open(file)) {
            new JsonJournal<>(journal, Event.class).append(event);
        }
        try (Journal journal = Journal.open(file)) {
            assertTrue(journal.records().get(0).contains("\"2026-01-02T03:04:05.678Z\""), journal.records().get(0));
            assertEquals(List.of(event), new JsonJournal<>(journal, Event.class).records());
        }
    }

    @Test
    void fieldsOfALaterVersionAreIgnoredAndARecordOfAnotherShapeIsNamed() throws IOException {
        Path file = directory.resolve("events.journal");
        try (Journal journal = Journal.open(file)) {
            journal.append("{\"instance\":\"web-1\",\"at\":\"2026-01-02T00:00:00Z\",\"addedLater\":1}");
        }
        try (Journal journal = Journal.open(file)) {
            assertEquals(List.of(new Event("web-1", Instant.parse("2026-01-02T00:00:00Z"))),
                    new JsonJournal<>(journal, Event.class).records());
            journal.append("{\"instance\":\"web-1\",\"at\":\"yesterday\"}");
        }
        try (Journal journal = Journal.open(file)) {
            IOException refused = assertThrows(IOException.class, () -> new JsonJournal<>(journal, Event.class).records());
            assertTrue(refused.getMessage().contains("record 2 of") && refused.getMessage().contains("Event"),
                    refused.getMessage());
        }
    }
}

package io.downtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Journal} of records of one type, each a line of JSON (times in ISO-8601): the collector's declared
 * incidents and the predictor's alarms are kept in one of these. Fields a later version added are ignored when read.
 *
 * @param <T> the records' type, a Jackson-bindable record
 */
public final class JsonJournal<T> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Journal journal;
    private final Class<T> type;

    public JsonJournal(Journal journal, Class<T> type) {
        this.journal = journal;
        this.type = type;
    }

    /**
     * The records the journal held when it was opened, oldest first (what a service reads back at start-up).
     *
     * @throws IOException naming the journal and the record when one is not a {@code T}
     */
    public List<T> records() throws IOException {
        List<T> records = new ArrayList<>();
        List<String> lines = journal.records();
        for (int i = 0; i < lines.size(); i++) {
            try {
                records.add(JSON.readValue(lines.get(i), type));
            } catch (JsonProcessingException e) {
                throw new IOException("record " + (i + 1) + " of " + journal.file() + " is not a "
                        + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
        return records;
    }

    /** Appends {@code record}; it is on disk when this returns. */
    public void append(T record) {
        try {
            journal.append(JSON.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a " + type.getSimpleName() + " as JSON", e);
        }
    }
}

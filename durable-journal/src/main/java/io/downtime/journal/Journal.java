package io.downtime.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of one-line records. {@link #append} returns only once the record is on disk (written and
 * forced), so an acknowledged record survives a crash of the process or the machine. Each line carries the CRC-32C of
 * its record: on opening, a last line that a crash cut short (or left unchecked) is cut off, which loses at most the
 * record whose append had not returned; a damaged line before the last one is not a crash's doing, and the journal
 * refuses to open rather than serve, or append to, a file it cannot trust.
 *
 * <p>Why a journal rather than an embedded database: the records are few (an incident per outage, a review per
 * alarm), written one at a time and read once at start-up; a file of checked lines needs no dependency, stays
 * native-compilable, and an operator can read it with {@code cat}.
 */
public final class Journal implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CHECKSUM_CHARS = 8;

    private final Path file;
    private final FileChannel channel;
    private final List<String> records;

    private Journal(Path file, FileChannel channel, List<String> records) {
        this.file = file;
        this.channel = channel;
        this.records = records;
    }

    /**
     * Opens (or creates) the journal {@code file}, its directories too.
     *
     * @throws IOException with the file's name when it cannot be created or read, or is damaged before its last line
     */
    public static Journal open(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (created) {
                channel.force(true);
                forceDirectory(directory);
            }
            List<String> records = new ArrayList<>();
            long intact = readIntact(file, channel, records);
            if (intact < channel.size()) {
                channel.truncate(intact);
                channel.force(true);
            }
            channel.position(intact);
            return new Journal(file, channel, records);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The records found when the journal was opened, oldest first. */
    public List<String> records() {
        return List.copyOf(records);
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code record} and forces it to disk before returning.
     *
     * @throws IllegalArgumentException when the record contains a line break
     * @throws UncheckedIOException     when the disk refuses it (full, read-only): then the journal is as before
     */
    public synchronized void append(String record) {
        if (record.indexOf('\n') >= 0 || record.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a journal record is one line; this one contains a line break");
        }
        byte[] payload = record.getBytes(StandardCharsets.UTF_8);
        byte[] line = (checksum(payload) + " " + record + "\n").getBytes(StandardCharsets.UTF_8);
        long before;
        try {
            before = channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException ignored) {
                // the next open cuts the torn line off
            }
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Reads the checked lines into {@code records}; the length of the intact part. */
    private static long readIntact(Path file, FileChannel channel, List<String> records) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int start = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            String problem = end < 0 ? "a line without its end" : check(content, start, end, records);
            if (problem != null) {
                int next = end < 0 ? content.length : end + 1;
                if (next < content.length) {
                    throw new IOException("the journal " + file + " is damaged at byte " + start + " (" + problem
                            + ") with records after it; it was not written by an interrupted append. Move it aside"
                            + " to start with an empty journal, or repair the line");
                }
                return start;
            }
            start = end + 1;
        }
        return content.length;
    }

    /** Adds the record of the line {@code [start, end)} and answers null, or says what is wrong with it. */
    private static String check(byte[] content, int start, int end, List<String> records) {
        if (end - start < CHECKSUM_CHARS + 1 || content[start + CHECKSUM_CHARS] != ' ') {
            return "no checksum";
        }
        String expected = new String(content, start, CHECKSUM_CHARS, StandardCharsets.US_ASCII);
        byte[] payload = Arrays.copyOfRange(content, start + CHECKSUM_CHARS + 1, end);
        if (!checksum(payload).equals(expected)) {
            return "checksum mismatch";
        }
        records.add(new String(payload, StandardCharsets.UTF_8));
        return null;
    }

    private static int indexOf(byte[] content, byte value, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return HEX.toHexDigits((int) crc.getValue());
    }

    /** Makes a new file's directory entry durable (Linux allows forcing a directory opened for reading). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not every platform can force a directory; the file's content is forced either way
        }
    }
}

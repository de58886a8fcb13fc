package io.downtime.collector.storage;

import java.util.Arrays;

/** Appends bits, most significant first, to a growing array of words. */
final class BitWriter {

    private long[] words = new long[8];
    private int bits;

    /** Writes the lowest {@code count} bits of {@code value} (count 1 to 64). */
    void write(long value, int count) {
        while (count > 0) {
            int word = bits >>> 6;
            if (word == words.length) {
                words = Arrays.copyOf(words, words.length * 2);
            }
            int free = 64 - (bits & 63);
            int now = Math.min(free, count);
            long chunk = (value >>> (count - now)) & (now == 64 ? -1L : (1L << now) - 1);
            words[word] |= chunk << (free - now);
            bits += now;
            count -= now;
        }
    }

    void writeBit(boolean bit) {
        write(bit ? 1 : 0, 1);
    }

    /** The bits written, in a word array no longer than needed. */
    long[] toWords() {
        return Arrays.copyOf(words, (bits + 63) >>> 6);
    }
}

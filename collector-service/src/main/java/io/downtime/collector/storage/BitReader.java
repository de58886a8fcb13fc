package io.downtime.collector.storage;

/** Reads bits written by {@link BitWriter}, in the same order. */
final class BitReader {

    private final long[] words;
    private int position;

    BitReader(long[] words) {
        this.words = words;
    }

    /** The next {@code count} bits (1 to 64) as the low bits of a long. */
    long read(int count) {
        long value = 0;
        while (count > 0) {
            int offset = position & 63;
            int now = Math.min(64 - offset, count);
            long word = words[position >>> 6];
            long chunk = (word >>> (64 - offset - now)) & (now == 64 ? -1L : (1L << now) - 1);
            value = now == 64 ? chunk : (value << now) | chunk;
            position += now;
            count -= now;
        }
        return value;
    }

    boolean readBit() {
        return read(1) == 1;
    }
}

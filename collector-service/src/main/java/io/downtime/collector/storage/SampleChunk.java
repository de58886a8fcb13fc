package io.downtime.collector.storage;

/**
 * A sealed run of consecutive samples of one instance, compressed the way time-series databases store samples
 * (Gorilla, as in Prometheus' TSDB): timestamps as delta-of-deltas (one bit per sample at a regular step), each
 * signal's {@code float} values XOR-ed with the previous value, storing only the bits that changed (one bit for an
 * unchanged value). Lossless: {@link #decode} gives back exactly the bits appended, {@code NaN} included.
 */
public final class SampleChunk {

    private static final long[] NO_FLAGS = new long[0];

    private final int count;
    private final long firstTimestamp;
    private final long lastTimestamp;
    private final long[] timestampBits;
    private final long[][] valueBits;
    private final long[] observedDown;
    private final long[] incidents;

    private SampleChunk(int count, long firstTimestamp, long lastTimestamp, long[] timestampBits, long[][] valueBits,
                        long[] observedDown, long[] incidents) {
        this.count = count;
        this.firstTimestamp = firstTimestamp;
        this.lastTimestamp = lastTimestamp;
        this.timestampBits = timestampBits;
        this.valueBits = valueBits;
        this.observedDown = observedDown;
        this.incidents = incidents;
    }

    /** Compresses the first {@code count} samples of the given columns. */
    public static SampleChunk seal(int count, long[] timestamps, float[][] values, boolean[] observedDown,
                                   boolean[] incidents) {
        if (count < 1) {
            throw new IllegalArgumentException("a chunk holds at least one sample");
        }
        BitWriter times = new BitWriter();
        times.write(timestamps[0], 64);
        long previousDelta = 0;
        for (int i = 1; i < count; i++) {
            long delta = timestamps[i] - timestamps[i - 1];
            writeDeltaOfDelta(times, delta - previousDelta);
            previousDelta = delta;
        }
        long[][] columns = new long[values.length][];
        for (int s = 0; s < values.length; s++) {
            columns[s] = compress(values[s], count);
        }
        return new SampleChunk(count, timestamps[0], timestamps[count - 1], times.toWords(), columns,
                flags(observedDown, count), flags(incidents, count));
    }

    public int count() {
        return count;
    }

    public long firstTimestamp() {
        return firstTimestamp;
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** Bytes the compressed data takes (without object headers). */
    public long bytes() {
        long words = timestampBits.length + observedDown.length + incidents.length;
        for (long[] column : valueBits) {
            words += column.length;
        }
        return words * Long.BYTES;
    }

    /** Writes every sample's timestamp into {@code timestamps} from index {@code at}. */
    public void decodeTimestamps(long[] timestamps, int at) {
        BitReader times = new BitReader(timestampBits);
        timestamps[at] = times.read(64);
        long delta = 0;
        for (int i = 1; i < count; i++) {
            delta += readDeltaOfDelta(times);
            timestamps[at + i] = timestamps[at + i - 1] + delta;
        }
    }

    /** Writes every sample into the given arrays from index 0. */
    public void decode(long[] timestamps, float[][] values, boolean[] down, boolean[] incident) {
        decodeTimestamps(timestamps, 0);
        for (int s = 0; s < valueBits.length; s++) {
            decompress(valueBits[s], values[s], count);
        }
        for (int i = 0; i < count; i++) {
            down[i] = flag(observedDown, i);
            incident[i] = flag(incidents, i);
        }
    }

    private static void writeDeltaOfDelta(BitWriter out, long dod) {
        if (dod == 0) {
            out.writeBit(false);
        } else if (fits(dod, 14)) {
            out.write(0b10, 2);
            out.write(dod, 14);
        } else if (fits(dod, 24)) {
            out.write(0b110, 3);
            out.write(dod, 24);
        } else {
            out.write(0b111, 3);
            out.write(dod, 64);
        }
    }

    private static long readDeltaOfDelta(BitReader in) {
        if (!in.readBit()) {
            return 0;
        }
        if (!in.readBit()) {
            return signExtend(in.read(14), 14);
        }
        if (!in.readBit()) {
            return signExtend(in.read(24), 24);
        }
        return in.read(64);
    }

    private static boolean fits(long value, int bits) {
        long limit = 1L << (bits - 1);
        return value >= -limit && value < limit;
    }

    private static long signExtend(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }

    /** Gorilla's XOR encoding on the 32 bits of each {@code float}. */
    private static long[] compress(float[] values, int count) {
        BitWriter out = new BitWriter();
        int previous = Float.floatToRawIntBits(values[0]);
        out.write(previous, 32);
        int leading = -1;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            int xor = bits ^ previous;
            previous = bits;
            if (xor == 0) {
                out.writeBit(false);
                continue;
            }
            out.writeBit(true);
            int lz = Integer.numberOfLeadingZeros(xor);
            int tz = Integer.numberOfTrailingZeros(xor);
            if (leading >= 0 && lz >= leading && tz >= trailing) {
                out.writeBit(false);
                out.write(xor >>> trailing, 32 - leading - trailing);
            } else {
                leading = lz;
                trailing = tz;
                int length = 32 - lz - tz;
                out.writeBit(true);
                out.write(lz, 5);
                out.write(length - 1, 5);
                out.write(xor >>> tz, length);
            }
        }
        return out.toWords();
    }

    private static void decompress(long[] words, float[] into, int count) {
        BitReader in = new BitReader(words);
        int previous = (int) in.read(32);
        into[0] = Float.intBitsToFloat(previous);
        int leading = 0;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            if (in.readBit()) {
                if (in.readBit()) {
                    leading = (int) in.read(5);
                    int length = (int) in.read(5) + 1;
                    trailing = 32 - leading - length;
                }
                int length = 32 - leading - trailing;
                previous ^= (int) in.read(length) << trailing;
            }
            into[i] = Float.intBitsToFloat(previous);
        }
    }

    /** One bit per sample; no words at all when no flag is set (the common case). */
    private static long[] flags(boolean[] values, int count) {
        long[] words = new long[(count + 63) >>> 6];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            if (values[i]) {
                words[i >>> 6] |= 1L << (i & 63);
                any = true;
            }
        }
        return any ? words : NO_FLAGS;
    }

    private static boolean flag(long[] words, int i) {
        return words.length > 0 && (words[i >>> 6] & (1L << (i & 63))) != 0;
    }
}

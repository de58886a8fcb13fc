package io.downtime.collector.storage;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleChunkTest {

    @Test
    void givesBackExactlyTheBitsOfEveryValueTimestampAndFlag() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 120;
        long[] timestamps = new long[n];
        float[][] values = new float[5][n];
        boolean[] down = new boolean[n];
        boolean[] incidents = new boolean[n];
        long t = 1_700_000_000_000L;
        for (int i = 0; i < n; i++) {
            // a regular step with gaps, a late scrape, and one jump of days
            t += i == 50 ? 3L * 86_400_000 : i % 17 == 0 ? 180_000 : 60_000 + (i % 5 == 0 ? 37 : 0);
            timestamps[i] = t;
            values[0][i] = (float) random.nextGaussian();                     // noise
            values[1][i] = 42f;                                                // constant
            values[2][i] = i % 9 == 0 ? Float.NaN : (float) (i * 0.25);        // missing samples
            values[3][i] = i % 2 == 0 ? Float.MAX_VALUE : -Float.MIN_VALUE;    // extremes
            values[4][i] = i == 3 ? Float.POSITIVE_INFINITY : 0f;
            down[i] = i % 7 == 0;
            incidents[i] = i > 100;
        }
        SampleChunk chunk = SampleChunk.seal(n, timestamps, values, down, incidents);

        long[] ts = new long[n];
        float[][] vs = new float[5][n];
        boolean[] dn = new boolean[n];
        boolean[] in = new boolean[n];
        chunk.decode(ts, vs, dn, in);
        assertArrayEquals(timestamps, ts);
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(values[s][i]), Float.floatToRawIntBits(vs[s][i]),
                        "signal " + s + " sample " + i);
            }
        }
        assertArrayEquals(down, dn);
        assertArrayEquals(incidents, in);
        assertEquals(timestamps[0], chunk.firstTimestamp());
        assertEquals(timestamps[n - 1], chunk.lastTimestamp());
    }

    @Test
    void aRegularStepAndSteadyValuesTakeAboutABitPerSampleEach() {
        int n = 120;
        long[] timestamps = new long[n];
        float[][] values = new float[1][n];
        for (int i = 0; i < n; i++) {
            timestamps[i] = 1_700_000_000_000L + i * 60_000L;
            values[0][i] = 3f;
        }
        SampleChunk chunk = SampleChunk.seal(n, timestamps, values, new boolean[n], new boolean[n]);
        assertTrue(chunk.bytes() <= 7 * 8, "timestamps and values of a steady series: " + chunk.bytes() + " bytes");
    }
}

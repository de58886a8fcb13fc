package io.downtime.models.svm;

import io.downtime.models.LabelledRows;
import io.downtime.models.SyntheticRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvmWidthChoiceTest {

    private final SvmTrainer trainer = new SvmTrainer(new SvmSettings(1, 0, 800, 3), 1);

    /**
     * Half the servers fail at a moderately high cpu, the other half at a far higher one: only a kernel wide enough to
     * extrapolate carries what one half teaches over to the other.
     */
    private static LabelledRows incidentsOfDifferentSizes(int n) {
        SplittableRandom random = new SplittableRandom(5);
        double[][] vectors = new double[n][];
        byte[] labels = new byte[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int r = 0; r < n; r++) {
            int server = r % 6;
            boolean incident = random.nextDouble() < 0.04;
            double cpu = incident ? (server % 2 == 0 ? 3 : 12) + 0.3 * random.nextGaussian() : random.nextGaussian();
            vectors[r] = new double[]{cpu, random.nextGaussian() * 0.01, 0.5 + random.nextGaussian() * 0.1,
                    random.nextGaussian() * 0.01, random.nextGaussian() * 0.01, random.nextGaussian(),
                    random.nextGaussian() * 0.01};
            labels[r] = (byte) (incident ? 1 : 0);
            instances[r] = "server-" + server;
            timestamps[r] = (r / 6) * 60_000L;
        }
        return new LabelledRows(SyntheticRows.SCHEMA, vectors, labels, instances, timestamps, Duration.ofMinutes(1));
    }

    @Test
    void choosesAWiderKernelWhenIncidentsOnUnseenServersLookDifferent() {
        assertTrue(trainer.chooseWidth(incidentsOfDifferentSizes(6_000)) > SvmTrainer.WIDTHS[0]);
    }

    @Test
    void keepsTheNarrowestWhenTheServersCannotBeSplitWithIncidentsOnBothSides() {
        LabelledRows rows = SyntheticRows.of(2_000, 1);
        String[] oneServer = new String[rows.size()];
        Arrays.fill(oneServer, "only");
        LabelledRows single = new LabelledRows(rows.schema(), rows.vectors(), rows.labels(), oneServer, rows.timestamps(), Duration.ofMinutes(1));
        assertEquals(SvmTrainer.WIDTHS[0], trainer.chooseWidth(single));
    }
}

package io.downtime.evaluation;

import io.downtime.features.InstanceSeries;
import io.downtime.features.datasets.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetRowsTest {

    private static final long MINUTE = 60_000;

    private static InstanceSeries series(int from, int n, boolean[] incidents) {
        SplittableRandom random = new SplittableRandom(from);
        long[] timestamps = new long[n];
        double[][] values = new double[2][n];
        for (int t = 0; t < n; t++) {
            timestamps[t] = (from + t) * MINUTE;
            values[0][t] = random.nextGaussian();
            values[1][t] = random.nextGaussian();
        }
        return InstanceSeries.labelled("x", timestamps, List.of("a", "b"), values, incidents);
    }

    @Test
    void withoutATrainPartNoRowLiesInsideTheReferenceItsStatisticsAreFittedOn() {
        boolean[] incidents = new boolean[400];
        Arrays.fill(incidents, 300, 310, true);
        Entity nabLike = new Entity("x", series(0, 0, new boolean[0]), series(0, 400, incidents));
        DatasetRows.EntityRows rows = new DatasetRows(List.of("a", "b"), Duration.ofMinutes(1), Duration.ofMinutes(10))
                .rows(nabLike);
        assertEquals(60 * MINUTE, rows.labelled().firstTimestamp(), "the probation share (15 % of 400) comes first");
        assertTrue(rows.calibration().lastTimestamp() < rows.labelled().firstTimestamp(),
                "calibration history lies before the labelled rows");
    }

    @Test
    void withATrainPartTheLabelledRowsFollowItAndItsEndIsTheCalibrationHistory() {
        boolean[] incidents = new boolean[200];
        Arrays.fill(incidents, 100, 110, true);
        Entity entity = new Entity("x", series(0, 300, new boolean[300]), series(300, 200, incidents));
        DatasetRows.EntityRows rows = new DatasetRows(List.of("a", "b"), Duration.ofMinutes(1), Duration.ofMinutes(10))
                .rows(entity);
        assertEquals(300 * MINUTE, rows.labelled().firstTimestamp());
        assertEquals(210 * MINUTE, rows.calibration().firstTimestamp(), "the train part's last 30 %");
        assertEquals(299 * MINUTE, rows.calibration().lastTimestamp());
        assertArrayEquals(new byte[rows.calibration().size()], rows.calibration().labels(), "nothing is known of it");
        assertEquals(0, rows.labelled().observedDownRows(), "a dataset observes no down state");
    }
}

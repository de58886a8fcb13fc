package io.downtime.features.profile;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorProfileTest {

    @Test
    void twoServersWithDifferentLevelsLookAlikeRelativeToTheirOwnNormal() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] quiet = new double[500][];
        double[][] busy = new double[500][];
        for (int i = 0; i < 500; i++) {
            quiet[i] = new double[]{0.1 + 0.01 * random.nextGaussian(), 5};
            busy[i] = new double[]{0.8 + 0.05 * random.nextGaussian(), 5};
        }
        VectorProfile quietNormal = VectorProfile.fit(quiet, 2);
        VectorProfile busyNormal = VectorProfile.fit(busy, 2);
        double quietSpike = quietNormal.relative(new double[]{0.15, 5})[0];
        double busySpike = busyNormal.relative(new double[]{1.05, 5})[0];
        assertEquals(quietSpike, busySpike, 1.0, "five of each server's own deviations: " + quietSpike + ", " + busySpike);
        assertTrue(quietSpike > 4, "far from its own normal: " + quietSpike);
        assertTrue(busyNormal.relative(new double[]{0.15, 5})[0] < -4, "the quiet server's level is low for the busy one");
    }

    @Test
    void aConstantFeatureAMissingValueAndAnExtremeOneStayFinite() {
        double[][] reference = new double[100][];
        for (int i = 0; i < 100; i++) {
            reference[i] = new double[]{3, Double.NaN};
        }
        VectorProfile profile = VectorProfile.fit(reference, 2);
        double[] relative = profile.relative(new double[]{1e12, Double.NaN});
        assertEquals(VectorProfile.CLIP, relative[0], "clipped, not infinite");
        assertTrue(Double.isNaN(relative[1]), "missing stays missing");
        assertEquals(0, profile.relative(new double[]{3, 1})[0], "the normal value is 0");
    }
}

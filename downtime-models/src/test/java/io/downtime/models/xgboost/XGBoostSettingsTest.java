package io.downtime.models.xgboost;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XGBoostSettingsTest {

    @Test
    void settingsOutOfRangeAreRefusedNamingTheSetting() {
        XGBoostSettings defaults = XGBoostSettings.defaults();
        assertEquals(new XGBoostSettings(10, 3, 0.3, defaults.subsample(), 0, defaults.threads(),
                defaults.seed()),
                defaults.with(10, 3, 0.3));
        assertMessageNames("rounds", () -> defaults.with(0, 4, 0.1));
        assertMessageNames("max-depth", () -> defaults.with(150, 0, 0.1));
        assertMessageNames("eta", () -> defaults.with(150, 4, 0));
        assertMessageNames("eta", () -> defaults.with(150, 4, 1.5));
        assertMessageNames("eta", () -> defaults.with(150, 4, Double.NaN));
        assertEquals(0.1, defaults.withColumnShare(0.1).columnShare());
        assertMessageNames("column-share", () -> defaults.withColumnShare(-0.1));
        assertMessageNames("column-share", () -> defaults.withColumnShare(1.5));
        assertMessageNames("column-share", () -> defaults.withColumnShare(Double.NaN));
    }

    private static void assertMessageNames(String setting, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(setting), e.getMessage());
    }
}

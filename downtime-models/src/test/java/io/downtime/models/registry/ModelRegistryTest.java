package io.downtime.models.registry;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelQuality;
import io.downtime.models.quality.Calibration;
import io.downtime.models.quality.EventMetrics;
import io.downtime.models.xgboost.XGBoostModel;
import io.downtime.models.xgboost.XGBoostSettings;
import io.downtime.models.xgboost.XGBoostTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("a", "b"), "test");
    static final ModelQuality QUALITY = quality(0.3);

    /** Figures of a model whose alarm threshold is {@code threshold}. */
    static ModelQuality quality(double threshold) {
        return new ModelQuality(100, 10, 50, 5, 0, 1, 2, 0.8, 0.9, threshold, 0.9, 0.7, 0.6, 0.65, 0.5, 0.01,
                new EventMetrics(4, 0.75, 0.5, 12.0), 0.1, new ModelQuality.Counts(3, 1, 44, 2),
                List.of(new double[]{0.5, 1.0}, new double[]{1.0, 0.1}),
                Calibration.of(new double[]{0.1, 0.9}, new byte[]{0, 1}, 10), 0);
    }

    private static XGBoostModel first;
    private static XGBoostModel second;

    @TempDir
    Path root;

    @BeforeAll
    static void trainTwoModels() {
        first = train(1);
        second = train(2);
    }

    static XGBoostModel train(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 500;
        double[][] x = new double[n][2];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            y[i] = (byte) (x[i][0] > 0.8 ? 1 : 0);
        }
        LabelledRows rows = new LabelledRows(SCHEMA, x, y, new String[n], IntStream.range(0, n).asLongStream().toArray(), Duration.ofMillis(1));
        return new XGBoostTrainer(new XGBoostSettings(10, 3, 0.3, 1, 1, 1, seed)).train(rows);
    }

    @Test
    void theNewestRegistrationIsChampionAndSurvivesAReopen() throws IOException {
        ModelRegistry registry = new ModelRegistry(root);
        assertTrue(registry.champion("1h").isEmpty());
        registry.register(first, "1h", QUALITY);
        registry.register(second, "1h", quality(0.4));

        ModelRegistry reopened = new ModelRegistry(root);
        ModelRegistry.RegisteredModel champion = reopened.champion("1h").orElseThrow();
        assertEquals("000002", champion.metadata().version());
        assertEquals(0.4, champion.metadata().quality().threshold());
        double[] vector = {1.5, 0};
        assertEquals(second.probability(vector), champion.model().probability(vector), 0);
        assertEquals(List.of("000002", "000001"), reopened.list().stream().map(ModelMetadata::version).toList());
    }

    @Test
    void aCorruptChampionIsRefusedAndThePreviousVersionServed() throws IOException {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(first, "1h", QUALITY);
        registry.register(second, "1h", quality(0.4));
        Path model = root.resolve("models/000002/model.json");
        byte[] content = Files.readAllBytes(model);
        content[content.length / 2] ^= 1;
        Files.write(model, content);

        assertEquals("000001", new ModelRegistry(root).champion("1h").orElseThrow().metadata().version());
    }

    @Test
    void anUnreadableChampionPointerFallsBackToTheNewestIntactVersion() throws IOException {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(first, "1h", QUALITY);
        Files.writeString(root.resolve("champion-1h.json"), "{\"vers");
        assertEquals("000001", new ModelRegistry(root).champion("1h").orElseThrow().metadata().version());
        assertTrue(new ModelRegistry(root).champion("30m").isEmpty(), "a model is only served for its own horizon");
    }

    @Test
    void aRegistrationCutOffBeforeItsRenameLeavesNoTrace() throws IOException {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(first, "1h", QUALITY);
        Path leftover = root.resolve("models/.staging-crashed");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("model.json"), "{half a mod");

        ModelRegistry reopened = new ModelRegistry(root);
        assertFalse(Files.exists(leftover));
        assertEquals("000001", reopened.champion("1h").orElseThrow().metadata().version());
        assertEquals(1, reopened.list().size());
    }

    @Test
    void promotionAndRollbackWalkTheChampionHistory() throws IOException {
        ModelRegistry registry = new ModelRegistry(root);
        registry.register(first, "1h", QUALITY);
        registry.store(second, "1h", quality(0.4));
        assertEquals("000001", registry.champion("1h").orElseThrow().metadata().version(), "storing does not promote");
        registry.promote("000002");
        assertEquals("000002", new ModelRegistry(root).champion("1h").orElseThrow().metadata().version());
        assertEquals("000001", registry.rollback("1h").metadata().version());
        assertEquals("000001", new ModelRegistry(root).champion("1h").orElseThrow().metadata().version());
        assertThrows(IllegalStateException.class, () -> registry.rollback("1h"));
        assertThrows(IllegalArgumentException.class, () -> registry.promote("000099"));
    }

    @Test
    void onlyTheNewestVersionsAndEveryRememberedChampionAreKept() throws IOException {
        ModelRegistry registry = new ModelRegistry(root, 3);
        registry.register(first, "1h", QUALITY);
        for (int i = 0; i < 4; i++) {
            registry.store(second, "1h", quality(0.4));
        }
        assertEquals(List.of("000005", "000004", "000003", "000001"),
                registry.list().stream().map(ModelMetadata::version).toList(), "000002 is neither new nor a champion");
        assertTrue(registry.metadata("000002").isEmpty());
    }
}

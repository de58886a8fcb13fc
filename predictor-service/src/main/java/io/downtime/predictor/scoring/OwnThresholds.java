package io.downtime.predictor.scoring;

import io.downtime.features.PrometheusDuration;
import io.downtime.models.alarm.AlertBudget;
import io.downtime.models.alarm.TrailingThreshold;
import io.downtime.models.registry.ModelMetadata;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Each instance's own alarm threshold under the served model ({@link TrailingThreshold}, the rule the offline
 * evaluation measures): once the fleet scoring has scored an instance with this model for a day, the instance alarms at
 * the lowest threshold that would have kept it within the alert budget over its own scores of the trailing window,
 * read anew once a day; before that, and for instances the fleet scoring does not know, at the model's threshold.
 * A threshold chosen on the training servers does not keep the budget on a server whose normal differs: one that runs
 * hot alarms all day, a quiet one never. Another model's scores say nothing of this one's, so a new served model starts
 * afresh (a day at the model's threshold); a restart carries on from the last {@link #snapshot}.
 */
public final class OwnThresholds {

    private static final Logger LOG = Logger.getLogger(OwnThresholds.class);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int MAGIC = 0x44504f54;
    private static final int FORMAT = 1;

    private final boolean enabled;
    private final Duration window;
    private final Duration resolution;
    private final double budget;
    /** The model the scores are of (registry version) and its horizon; the fleet scoring's thread alone writes. */
    private String version;
    private String horizon;
    private final Map<String, TrailingThreshold> byInstance = new HashMap<>();
    /** Each instance's own threshold in force, once it has a day of scores: read by any request. */
    private volatile Map<String, Double> inForce = Map.of();
    private volatile String inForceVersion;

    /**
     * @param enabled    false: every instance alarms at the model's threshold
     * @param window     how much of an instance's recent scores its threshold is read from; at least a day
     * @param resolution one score, the highest, is kept per instance and this time
     * @param budget     false alarms allowed per instance per day
     */
    public OwnThresholds(boolean enabled, Duration window, Duration resolution, double budget) {
        try {
            TrailingThreshold.requireAtLeastADay(window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("predictor.alarms.own-threshold.window: " + e.getMessage(), e);
        }
        boolean positive = !resolution.isNegative() && !resolution.isZero();
        if (!positive || resolution.compareTo(window) >= 0) {
            throw new IllegalArgumentException("predictor.alarms.own-threshold.resolution must be positive and shorter "
                    + "than the window, was " + (positive ? PrometheusDuration.format(resolution) : resolution));
        }
        this.enabled = enabled;
        this.window = window;
        this.resolution = resolution;
        this.budget = budget;
    }

    /** An alarm threshold and whose it is. */
    public record Threshold(double value, ThresholdSource source) {
    }

    /** The threshold {@code instance} alarms at under {@code model}: its own once it has one, else the model's. */
    public Threshold of(ModelMetadata model, String instance) {
        if (enabled && instance != null && model.version().equals(inForceVersion)) {
            Double own = inForce.get(instance);
            if (own != null) {
                return new Threshold(own, ThresholdSource.INSTANCE);
            }
        }
        return new Threshold(model.quality().threshold(), ThresholdSource.MODEL);
    }

    /**
     * Before a fleet scoring at {@code time} with {@code model}: reads the threshold in force then of every instance
     * that has a day of scores (anew when its last reading is a day old). Called by the fleet scoring's thread only.
     */
    public synchronized void readAt(ModelMetadata model, Instant time) {
        if (!enabled) {
            return;
        }
        String served = model.version();
        if (!served.equals(version)) {
            if (version != null) {
                LOG.infof("model version %s is served: each instance's own threshold is read afresh from its scores "
                        + "after a day", served);
            }
            version = served;
            horizon = model.horizon();
            byInstance.clear();
        }
        long now = time.toEpochMilli();
        long dayAgo = now - DAY.toMillis();
        Map<String, Double> read = new HashMap<>();
        byInstance.forEach((instance, threshold) -> {
            double at = threshold.at(now);
            if (threshold.oldest().orElse(Long.MAX_VALUE) <= dayAgo) {
                read.put(instance, at);
            }
        });
        inForce = Map.copyOf(read);
        inForceVersion = served;
    }

    /**
     * After that fleet scoring: keeps each instance's probability; instances not scored are forgotten. Called by the
     * fleet scoring's thread only.
     */
    public synchronized void record(ModelMetadata model, Instant time, Map<String, Double> probabilities) {
        if (!enabled || !model.version().equals(version)) {
            return;
        }
        byInstance.keySet().retainAll(probabilities.keySet());
        AlertBudget alerts = alerts();
        long now = time.toEpochMilli();
        probabilities.forEach((instance, probability) -> byInstance
                .computeIfAbsent(instance, i -> new TrailingThreshold(alerts, i, window, resolution, budget))
                .add(now, probability));
    }

    private AlertBudget alerts() {
        return new AlertBudget(PrometheusDuration.parse(horizon), resolution);
    }

    /** Every instance's kept scores and reading, with a checksum: what a restart carries on from. */
    public synchronized byte[] snapshot() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version == null ? "" : version);
        out.writeUTF(horizon == null ? "" : horizon);
        out.writeLong(window.toMillis());
        out.writeLong(resolution.toMillis());
        out.writeDouble(budget);
        out.writeInt(byInstance.size());
        for (Map.Entry<String, TrailingThreshold> entry : byInstance.entrySet()) {
            out.writeUTF(entry.getKey());
            entry.getValue().save(out);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Carries on from a {@link #snapshot}: its instances keep their scores and readings while the same model version is
     * served (another one starts afresh at the first reading). A snapshot taken with another window, resolution or
     * budget is not used.
     *
     * @return instances restored
     * @throws IOException when the bytes are no intact snapshot (nothing is restored then)
     */
    public synchronized int restore(byte[] snapshot) throws IOException {
        if (snapshot.length < Long.BYTES) {
            throw new IOException("the snapshot is " + snapshot.length + " bytes long: too short");
        }
        int content = snapshot.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, content);
        if (ByteBuffer.wrap(snapshot, content, Long.BYTES).getLong() != crc.getValue()) {
            throw new IOException("the snapshot's checksum does not match its content: it is damaged");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot, 0, content));
        try {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a snapshot of each instance's own threshold (format " + FORMAT + ")");
            }
            String savedVersion = in.readUTF();
            String savedHorizon = in.readUTF();
            if (in.readLong() != window.toMillis() || in.readLong() != resolution.toMillis()
                    || in.readDouble() != budget || savedVersion.isEmpty()) {
                LOG.info("the saved own thresholds were kept with another window, resolution or budget (or none): "
                        + "each instance's own threshold is read afresh after a day");
                return 0;
            }
            AlertBudget alerts;
            try {
                alerts = new AlertBudget(PrometheusDuration.parse(savedHorizon), resolution);
            } catch (IllegalArgumentException e) {
                throw new IOException("the snapshot's horizon '" + savedHorizon + "' is no duration: it is damaged", e);
            }
            Map<String, TrailingThreshold> restored = new HashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String instance = in.readUTF();
                TrailingThreshold threshold = new TrailingThreshold(alerts, instance, window, resolution, budget);
                threshold.restore(in);
                restored.put(instance, threshold);
            }
            byInstance.clear();
            byInstance.putAll(restored);
            version = savedVersion;
            horizon = savedHorizon;
            return count;
        } catch (EOFException e) {
            throw new IOException("the snapshot ends early: it is damaged", e);
        }
    }

    /** Instances alarming at their own threshold now. */
    public int instancesWithOwnThreshold() {
        return inForce.size();
    }
}

package io.downtime.models.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.downtime.features.FeatureSchema;
import io.downtime.features.HistorySource;
import io.downtime.models.DowntimeModel;
import io.downtime.models.ModelQuality;
import io.downtime.models.Algorithm;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Versioned models on disk: {@code models/<version>/} holds the model file and {@code metadata.json} with the
 * file's SHA-256; {@code champion-<horizon>.json} points at the version served for a horizon and remembers the
 * champions before it, for rollback. Only the newest versions are kept, and every champion. Every write is atomic,
 * so a crash leaves the previous state; a version that fails its checksum or cannot be parsed is skipped with a log
 * line and the newest good one is served instead.
 */
public final class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    private static final String MODEL_FILE = "model.json";
    private static final String METADATA_FILE = "metadata.json";

    private final Path models;
    private final Path root;
    private final int keep;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Opens (creating when needed) the registry at {@code root}, keeping the newest 10 versions. */
    public ModelRegistry(Path root) {
        this(root, 10);
    }

    /** Opens (creating when needed) the registry at {@code root}, keeping the newest {@code keep} versions. */
    public ModelRegistry(Path root, int keep) {
        this(root, keep, Clock.systemUTC());
    }

    /** As {@link #ModelRegistry(Path, int)}, dating registrations by {@code clock} (the service's one clock). */
    public ModelRegistry(Path root, int keep, Clock clock) {
        this.clock = clock;
        if (keep < 2) {
            throw new IllegalArgumentException("the registry must keep at least 2 versions, was " + keep);
        }
        this.keep = keep;
        this.root = root;
        this.models = root.resolve("models");
        List<Path> leftovers;
        try {
            Files.createDirectories(models);
            try (Stream<Path> entries = Files.list(models)) {
                leftovers = entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model registry at " + root.toAbsolutePath(), e);
        }
        for (Path staging : leftovers) {
            LOG.warnf("removing %s, left by a registration that did not finish", staging.getFileName());
            try {
                deleteDirectory(staging);
            } catch (IOException e) {
                // A read-only registry still serves its models; the leftover is invisible to readers anyway.
                LOG.warnf("cannot remove %s (%s); the registry is served read-only", staging, reason(e));
            }
        }
    }

    /** A model with its metadata, ready to serve. */
    public record RegisteredModel(ModelMetadata metadata, DowntimeModel model) {
    }

    /** Stores {@code model} as a new version and makes it the champion of {@code horizon}. */
    public synchronized RegisteredModel register(DowntimeModel model, String horizon,
                                                 ModelQuality quality) throws IOException {
        return register(model, horizon, quality, null, HistorySource.FLEET);
    }

    /**
     * As {@link #register(DowntimeModel, String, ModelQuality)}, saying how the training rows were chosen
     * and whose history they are ({@link HistorySource}).
     */
    public synchronized RegisteredModel register(DowntimeModel model, String horizon,
                                                 ModelQuality quality, String trainingRows, HistorySource trainedOn)
            throws IOException {
        RegisteredModel registered = store(model, horizon, quality, trainingRows, trainedOn);
        String version = registered.metadata().version();
        try {
            promote(version);
        } catch (IOException e) {
            throw new IOException("model version " + version + " is stored but could not be made the champion: "
                    + reason(e) + "; the previous champion stays", e);
        }
        return registered;
    }

    /** Stores {@code model} as a new version without serving it (a challenger that lost, kept for the record). */
    public synchronized RegisteredModel store(DowntimeModel model, String horizon,
                                              ModelQuality quality) throws IOException {
        return store(model, horizon, quality, null, HistorySource.FLEET);
    }

    /** As {@link #store(DowntimeModel, String, ModelQuality)}, with the training rows' provenance. */
    public synchronized RegisteredModel store(DowntimeModel model, String horizon,
                                              ModelQuality quality, String trainingRows, HistorySource trainedOn)
            throws IOException {
        String version = nextVersion();
        Path staging = models.resolve(".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            byte[] content = model.save();
            AtomicFiles.writeDurably(staging.resolve(MODEL_FILE), content);
            FeatureSchema schema = model.schema();
            ModelMetadata metadata = new ModelMetadata(version, model.algorithm(), horizon, schema.hash(),
                    schema.names(), schema.definition(), quality, Map.of(MODEL_FILE, sha256(content)),
                    clock.instant().toString(), importance(model), trainingRows, trainedOn);
            AtomicFiles.writeDurably(staging.resolve(METADATA_FILE), json.writeValueAsBytes(metadata));
            AtomicFiles.forceDirectory(staging);
            AtomicFiles.moveDurably(staging, models.resolve(version));
            LOG.infof("stored %s model version %s for horizon %s", model.algorithm(), version, horizon);
            pruneQuietly(horizon);
            return new RegisteredModel(metadata, model);
        } catch (IOException e) {
            throw new IOException("cannot write model version " + version + " to the registry at "
                    + root.toAbsolutePath() + ": " + reason(e) + "; the registry is unchanged", e);
        } finally {
            try {
                deleteDirectory(staging);
            } catch (IOException e) {
                LOG.warnf("cannot remove %s (%s); it is removed at the next start", staging, reason(e));
            }
        }
    }

    /** Removes versions beyond the kept number; a failure only delays that to the next registration. */
    private void pruneQuietly(String horizon) {
        try {
            prune(horizon);
        } catch (IOException e) {
            LOG.warnf("cannot remove old model versions (%s); retried at the next registration", reason(e));
        }
    }

    /** An I/O failure in words: the file system's reason ("No space left on device", "Read-only file system"). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Makes {@code version} the champion of its horizon, remembering the one it replaces for {@link #rollback}.
     *
     * @throws IllegalArgumentException when the version does not exist or is damaged
     */
    public synchronized RegisteredModel promote(String version) throws IOException {
        RegisteredModel model = load(version).orElseThrow(() ->
                new IllegalArgumentException("model version '" + version + "' does not exist or is damaged"));
        String horizon = model.metadata().horizon();
        List<String> history = new ArrayList<>(championHistory(horizon));
        history.remove(version);
        history.add(0, version);
        writeChampionHistory(horizon, history);
        LOG.infof("model version %s is the champion for horizon %s", version, horizon);
        return model;
    }

    /**
     * Serves again the champion before the current one of {@code horizon}.
     *
     * @throws IllegalStateException when there is no earlier champion to go back to
     */
    public synchronized RegisteredModel rollback(String horizon) throws IOException {
        List<String> history = new ArrayList<>(championHistory(horizon));
        while (history.size() > 1) {
            String current = history.remove(0);
            Optional<RegisteredModel> previous = load(history.get(0));
            if (previous.isPresent()) {
                writeChampionHistory(horizon, history);
                LOG.infof("rolled back horizon %s from version %s to %s", horizon, current, history.get(0));
                return previous.get();
            }
        }
        throw new IllegalStateException("horizon " + horizon + " has no earlier champion to roll back to");
    }

    /** The metadata of one version, when it exists and is readable. */
    public synchronized Optional<ModelMetadata> metadata(String version) {
        return version.matches("\\d{6}") && Files.isDirectory(models.resolve(version)) ? readMetadata(version)
                : Optional.empty();
    }

    /**
     * The champion of {@code horizon}; when it is missing or damaged, the newest intact version for that horizon.
     * Empty when there is none.
     */
    public synchronized Optional<RegisteredModel> champion(String horizon) {
        Optional<String> pointed = pointedVersion(horizon);
        if (pointed.isPresent()) {
            Optional<RegisteredModel> champion = load(pointed.get());
            if (champion.isPresent()) {
                return champion;
            }
            LOG.errorf("champion version %s for horizon %s is unusable; serving the newest intact version instead",
                    pointed.get(), horizon);
        }
        return versionsNewestFirst().stream()
                .map(this::load)
                .flatMap(Optional::stream)
                .filter(m -> m.metadata().horizon().equals(horizon))
                .findFirst();
    }

    /** Metadata of every stored version, newest first; damaged versions are left out. */
    public synchronized List<ModelMetadata> list() {
        return versionsNewestFirst().stream().map(this::readMetadata).flatMap(Optional::stream).toList();
    }

    /** The 15 features that weigh most in the model, with their share of its total importance. */
    private static List<ModelMetadata.FeatureWeight> importance(DowntimeModel model) {
        double[] gain = model.featureImportance();
        double total = Arrays.stream(gain).sum();
        List<String> names = model.schema().names();
        return IntStream.range(0, gain.length).filter(i -> gain[i] > 0)
                .mapToObj(i -> new ModelMetadata.FeatureWeight(names.get(i), gain[i] / total))
                .sorted(Comparator.comparingDouble(ModelMetadata.FeatureWeight::share).reversed())
                .limit(15).toList();
    }

    private Optional<RegisteredModel> load(String version) {
        Path directory = models.resolve(version);
        Optional<ModelMetadata> metadata = readMetadata(version);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(directory.resolve(MODEL_FILE));
            String expected = metadata.get().sha256().get(MODEL_FILE);
            if (!sha256(content).equals(expected)) {
                LOG.errorf("model version %s is corrupt: %s does not match its SHA-256 in %s", version, MODEL_FILE,
                        METADATA_FILE);
                return Optional.empty();
            }
            ModelMetadata m = metadata.get();
            FeatureSchema schema = FeatureSchema.ofNames(m.featureNames(), m.featureDefinition());
            if (!schema.hash().equals(m.featureSchema())) {
                LOG.errorf("model version %s is inconsistent: its feature names hash to %s, not %s", version,
                        schema.hash(), m.featureSchema());
                return Optional.empty();
            }
            return Optional.of(new RegisteredModel(m, Algorithm.of(m.algorithm()).load(schema, content)));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("model version %s cannot be loaded: %s", version, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ModelMetadata> readMetadata(String version) {
        try {
            return Optional.of(json.readValue(models.resolve(version).resolve(METADATA_FILE).toFile(), ModelMetadata.class));
        } catch (IOException e) {
            LOG.errorf("model version %s has no readable %s: %s", version, METADATA_FILE, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> pointedVersion(String horizon) {
        return championHistory(horizon).stream().findFirst();
    }

    /** The champions of {@code horizon}, current first; empty when there is none or the pointer is unreadable. */
    private List<String> championHistory(String horizon) {
        Path pointer = championPointer(horizon);
        if (!Files.exists(pointer)) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(pointer.toFile());
            List<String> history = new ArrayList<>();
            history.add(node.path("version").asText());
            node.path("previous").forEach(previous -> history.add(previous.asText()));
            return history.stream().filter(v -> v.matches("\\d{6}")).toList();
        } catch (IOException e) {
            LOG.errorf("champion pointer %s is unreadable: %s", pointer, e.getMessage());
            return List.of();
        }
    }

    private void writeChampionHistory(String horizon, List<String> history) throws IOException {
        Map<String, Object> pointer = new LinkedHashMap<>();
        pointer.put("version", history.get(0));
        pointer.put("previous", history.subList(1, Math.min(history.size(), keep)));
        AtomicFiles.write(championPointer(horizon), json.writeValueAsBytes(pointer));
    }

    /** Deletes the oldest versions beyond {@code keep}, never a current or remembered champion. */
    private void prune(String horizon) throws IOException {
        List<String> versions = versionsNewestFirst();
        List<String> champions = championHistory(horizon);
        for (String version : versions.subList(Math.min(keep, versions.size()), versions.size())) {
            if (!champions.contains(version)) {
                deleteDirectory(models.resolve(version));
                LOG.infof("removed model version %s: only the newest %d are kept", version, keep);
            }
        }
    }

    private List<String> versionsNewestFirst() {
        try (Stream<Path> entries = Files.list(models)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{6}"))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model registry at " + models.toAbsolutePath(), e);
        }
    }

    private String nextVersion() {
        int newest = versionsNewestFirst().stream().findFirst().map(Integer::parseInt).orElse(0);
        return String.format("%06d", newest + 1);
    }

    private Path championPointer(String horizon) {
        return root.resolve("champion-" + horizon + ".json");
    }

    private static void deleteDirectory(Path staging) throws IOException {
        if (Files.exists(staging)) {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(staging);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

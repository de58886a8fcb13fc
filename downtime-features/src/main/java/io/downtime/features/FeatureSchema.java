package io.downtime.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered feature names of a vector and the parameters that define them. Its {@link #hash()} is the schema's
 * version: every vector and every model carries it, and a mismatch is an error, never a silent misalignment.
 *
 * @param names      feature names in vector order
 * @param definition the parameters the features are computed with, in a stable textual form
 */
public record FeatureSchema(List<String> names, String definition) {

    public FeatureSchema {
        names = List.copyOf(names);
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
    }

    /** Content hash of names and definition: 16 hex digits of SHA-256. */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(definition.getBytes(StandardCharsets.UTF_8));
            for (String name : names) {
                sha.update((byte) '\n');
                sha.update(name.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public int size() {
        return names.size();
    }

    /** Index of each name, for turning a name → value map into a vector. */
    public Map<String, Integer> indexByName() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    /** Throws when {@code otherHash} is not this schema's hash, naming both. */
    public void requireSameAs(String otherHash, String whose) {
        if (!hash().equals(otherHash)) {
            throw new SchemaMismatchException(
                    whose + " has feature schema " + otherHash + " but " + hash() + " is expected");
        }
    }

    /** A vector or model was computed with a different feature schema than the one in use. */
    public static final class SchemaMismatchException extends IllegalStateException {
        public SchemaMismatchException(String message) {
            super(message);
        }
    }
}

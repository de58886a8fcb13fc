package io.downtime.collector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The part of the fleet one collector replica keeps: instance {@code x} belongs to shard {@code i} of {@code n} when a
 * stable hash of its name is {@code i} modulo {@code n}. The hash is SHA-256, so every replica and every restart
 * agrees, and similar names spread evenly.
 *
 * @param index this replica's shard, 0-based
 * @param count number of shards
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, was " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}, e.g. {@code 0/3}. */
    public static Shard parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below with the text
        }
        throw new IllegalArgumentException("collector.shard must be i/n such as 0/3, was '" + text + "'");
    }

    public boolean contains(String instance) {
        if (count == 1) {
            return true;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(instance.getBytes(StandardCharsets.UTF_8));
            int head = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return Integer.remainderUnsigned(head, count) == index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

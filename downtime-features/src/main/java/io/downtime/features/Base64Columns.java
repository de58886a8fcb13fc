package io.downtime.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Columns of numbers as Base64 text for JSON: IEEE 754 little-endian, exact ({@code NaN} for missing values), about a
 * third of the size of the same numbers written as JSON decimals and much faster to write and read.
 */
public final class Base64Columns {

    private Base64Columns() {
    }

    public static String encodeFloats(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    public static float[] decodeFloats(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(decode(text, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    public static String encodeDoubles(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    public static double[] decodeDoubles(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(decode(text, Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(values);
        return values;
    }

    private static byte[] decode(String text, int width) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 column: " + e.getMessage(), e);
        }
        if (bytes.length % width != 0) {
            throw new IllegalArgumentException("a Base64 column of " + width + "-byte numbers has " + bytes.length
                    + " bytes");
        }
        return bytes;
    }
}

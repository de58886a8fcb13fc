package io.downtime.collector;

/** Where a source's samples go. */
@FunctionalInterface
public interface SampleSink {

    /** Discards samples: for a simulator that only serves scrape targets. */
    SampleSink DISCARD = (instance, timestamp, values, down) -> { };

    /** Takes a sample of {@code instance} at {@code timestamp}: the source's signal values ({@code NaN} where missing). */
    void append(String instance, long timestamp, double[] values, boolean down);
}

package io.downtime.featureservice.client;

import java.util.List;

/**
 * A page of the collector's feed ({@code GET /feed}): what is new since the last read.
 *
 * @param epoch      the collector's run; another one means it restarted
 * @param sequence   the cursor for the next read
 * @param signals    signal names, in the order of each instance's values
 * @param nextOffset the next page's offset; null on the last page
 */
public record CollectorFeed(String epoch, long sequence, String step, List<String> signals, int lag,
                            List<InstanceFeed> instances, Integer nextOffset) {

    /**
     * New samples of one instance; {@code values} and {@code lagged} per signal as Base64 float32 columns.
     *
     * @param reset start the instance's history over from these samples
     */
    public record InstanceFeed(String instance, boolean reset, long[] timestamps, List<String> values,
                               boolean[] observedDown, List<String> lagged) {
    }
}

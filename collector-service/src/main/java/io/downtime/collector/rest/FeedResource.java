package io.downtime.collector.rest;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.RollingWindow;
import io.downtime.features.Base64Columns;
import io.downtime.features.PrometheusDuration;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is new since a reader last looked, in a compact form: the feed that keeps feature-service's per-instance state
 * current without fetching a day of samples per call. A reader passes back the {@code sequence} and {@code epoch} of
 * its last read; an instance it missed samples of (or a new epoch: the collector restarted) comes as a {@code reset}
 * with its newest {@code limit} samples.
 */
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    /** Most instances one page carries. */
    public static final int MAX_PAGE = 1000;
    /** Most samples per instance one read carries. */
    public static final int MAX_LIMIT = 10_080;

    /**
     * A page of the feed.
     *
     * @param epoch      this run of the collector; pass it back
     * @param sequence   pass back as {@code after} next time (read before this page, so nothing is missed)
     * @param step       time between samples, Prometheus notation
     * @param signals    the signals, in the order of each instance's {@code values}
     * @param lag        the lag of {@code lagged}, in samples
     * @param instances  the instances with something new, in name order
     * @param nextOffset the {@code offset} of the next page; null on the last page
     */
    public record Feed(String epoch, long sequence, String step, List<String> signals, int lag,
                       List<InstanceFeed> instances, Integer nextOffset) {
    }

    /**
     * New samples of one instance.
     *
     * @param reset        these are the instance's newest samples, not only the new ones: start its history over
     * @param timestamps   epoch milliseconds, oldest first
     * @param values       per signal, Base64 of little-endian float32, NaN where missing
     * @param observedDown per sample: the source saw the instance down (never an incident label)
     * @param lagged       per signal, Base64 float32 of the value {@code lag} samples before each sample (NaN when the
     *                     window does not reach back that far)
     */
    public record InstanceFeed(String instance, boolean reset, long[] timestamps, List<String> values,
                               boolean[] observedDown, List<String> lagged) {

        static InstanceFeed of(String instance, RollingWindow.Recent recent) {
            return new InstanceFeed(instance, recent.reset(), recent.timestamps(), encode(recent.values()),
                    recent.observedDown(), encode(recent.lagged()));
        }

        private static List<String> encode(float[][] columns) {
            return Arrays.stream(columns).map(Base64Columns::encodeFloats).toList();
        }
    }

    private final InstanceWindows windows;

    public FeedResource(InstanceWindows windows) {
        this.windows = windows;
    }

    /**
     * @param after    the {@code sequence} of the last read; 0 (or another epoch) for everything
     * @param epoch    the {@code epoch} of the last read
     * @param limit    most samples per instance, 1 to 10080 (default 360)
     * @param lag      also send each sample's values this many samples earlier (default 0)
     * @param offset   first instance of the page, in name order
     * @param pageSize instances per page, 1 to 1000
     */
    @GET
    public Feed feed(@QueryParam("after") @DefaultValue("0") long after, @QueryParam("epoch") String epoch,
                     @QueryParam("limit") @DefaultValue("360") int limit, @QueryParam("lag") @DefaultValue("0") int lag,
                     @QueryParam("offset") @DefaultValue("0") int offset,
                     @QueryParam("pageSize") @DefaultValue("1000") int pageSize) {
        if (after < 0) {
            throw new InvalidInputException("after", "after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (lag < 0 || lag > windows.capacity()) {
            throw new InvalidInputException("lag", "lag must be between 0 and the retention, " + windows.capacity()
                    + " samples");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new InvalidInputException("pageSize", "pageSize must be between 1 and " + MAX_PAGE);
        }
        long since = epoch != null && !epoch.equals(windows.epoch()) ? 0 : after;
        long sequence = windows.sequence();
        List<RollingWindow> all = windows.all();
        List<InstanceFeed> page = new ArrayList<>();
        int end = Math.min(all.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            RollingWindow window = all.get(i);
            RollingWindow.Recent recent = window.since(since, limit, lag);
            if (recent.length() > 0) {
                page.add(InstanceFeed.of(window.instance(), recent));
            }
        }
        return new Feed(windows.epoch(), sequence, PrometheusDuration.format(windows.step()), windows.signals(), lag,
                page, end < all.size() ? end : null);
    }
}

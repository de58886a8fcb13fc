package io.downtime.collector.rest;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.collector.RollingWindow;
import io.downtime.features.Base64Columns;
import io.downtime.features.InstanceSeries;
import io.downtime.features.PrometheusDuration;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recent samples of one or all instances, with what the source observed of each sample's state and the incidents
 * (labels) it falls in. Bounded: a
 * response covers at most the retention of each instance and {@value #MAX_PAGE} instances.
 */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
public class SamplesResource {

    /**
     * Samples of one instance as columns.
     *
     * @param instance   the instance
     * @param step       time between samples, Prometheus notation
     * @param signals    signal names, in the order of {@code values}
     * @param timestamps epoch milliseconds of each sample
     * @param values     per signal, one value per timestamp; null where no sample was taken
     * @param observedDown per timestamp: the source saw the instance down (not scraped, {@code up == 0})
     * @param incidents  per timestamp: an incident was under way (a label: for training and scoring, never a feature)
     */
    public record Samples(String instance, String step, List<String> signals, long[] timestamps, List<Double[]> values,
                          boolean[] observedDown, boolean[] incidents) {

        static Samples of(InstanceSeries series, Duration step) {
            List<Double[]> columns = Arrays.stream(series.values()).map(Samples::nullForNaN).toList();
            return new Samples(series.instance(), PrometheusDuration.format(step), series.signals(),
                    series.timestamps(), columns, series.observedDown(), series.incidents());
        }

        private static Double[] nullForNaN(double[] values) {
            Double[] boxed = new Double[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = Double.isNaN(values[i]) ? null : values[i];
            }
            return boxed;
        }
    }

    /**
     * Samples of one instance as Base64 columns ({@code format=compact}): a fraction of the size, exact for the
     * {@code float} values the collector keeps.
     *
     * @param values per signal, Base64 of little-endian float32, NaN where no sample was taken
     */
    public record CompactSamples(String instance, String step, List<String> signals, long[] timestamps,
                                 List<String> values, boolean[] observedDown, boolean[] incidents) {

        public static CompactSamples of(InstanceSeries series, Duration step) {
            List<String> columns = Arrays.stream(series.values()).map(CompactSamples::floats)
                    .map(Base64Columns::encodeFloats).toList();
            return new CompactSamples(series.instance(), PrometheusDuration.format(step), series.signals(),
                    series.timestamps(), columns, series.observedDown(), series.incidents());
        }

        private static float[] floats(double[] values) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            return floats;
        }
    }

    /** Most instances one page of {@code GET /samples} carries. */
    public static final int MAX_PAGE = 1000;

    private final InstanceWindows windows;
    private final MetricSource source;

    public SamplesResource(InstanceWindows windows, MetricSource source) {
        this.windows = windows;
        this.source = source;
    }

    /**
     * Samples of one instance, or a page of all instances (a {@code Link: <...>; rel="next"} header names the next
     * page), over {@code window} back from each instance's newest sample, or over {@code [from, to]}.
     *
     * @param instance the instance; all instances when absent
     * @param window   how far back from the newest sample, Prometheus notation (default 1h)
     * @param from     start, ISO-8601 (instead of window)
     * @param to       end, ISO-8601 (with from; default now)
     * @param offset   first instance of the page, in name order
     * @param limit    instances per page, at most 1000
     * @param format   {@code json} (values as numbers) or {@code compact} (values as Base64 float32 columns)
     */
    @GET
    public Response samples(@QueryParam("instance") String instance,
                            @QueryParam("window") @DefaultValue("1h") String window,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("1000") int limit,
                            @QueryParam("format") @DefaultValue("json") String format,
                            @Context UriInfo uri) {
        if (!"json".equals(format) && !"compact".equals(format)) {
            throw new InvalidInputException("format", "format must be json or compact, was '" + format + "'");
        }
        Function<InstanceSeries, Object> encode = "compact".equals(format)
                ? series -> CompactSamples.of(series, windows.step()) : series -> Samples.of(series, windows.step());
        TimeRange range = from == null ? TimeRange.window(parseWindow(window)) : TimeRange.between(from, to);
        if (instance != null) {
            RollingWindow selected = windows.get(instance)
                    .orElseThrow(() -> new NotFoundException("unknown instance '" + instance + "'"));
            InstanceSeries series = olderThanTheWindow(selected, range)
                    .flatMap(r -> source.history(instance, r.from(), r.to())).map(windows::withDeclaredIncidents)
                    .orElseGet(() -> series(selected, range));
            return Response.ok(List.of(encode.apply(series))).build();
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        List<RollingWindow> all = windows.all();
        List<Object> page = all.stream().skip(offset).limit(limit).map(w -> encode.apply(series(w, range))).toList();
        Response.ResponseBuilder response = Response.ok(page);
        if (offset + limit < all.size()) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).build(), "next");
        }
        return response.build();
    }

    /** A fixed range that starts before the window's oldest sample: the source may still hold that part. */
    private static Optional<TimeRange> olderThanTheWindow(RollingWindow window, TimeRange range) {
        boolean older = range.length() == null && window.firstTimestamp().stream().anyMatch(first -> range.from() < first);
        return older ? Optional.of(range) : Optional.empty();
    }

    private InstanceSeries series(RollingWindow window, TimeRange range) {
        long newest = window.lastTimestamp().orElse(0);
        return range.select(windows, window, newest);
    }

    /** Either a length back from each instance's newest sample, or fixed instants. */
    private record TimeRange(Duration length, long from, long to) {

        static TimeRange window(Duration length) {
            return new TimeRange(length, 0, 0);
        }

        static TimeRange between(String from, String to) {
            long start = InstantParam.epochMillis("from", from);
            long end = to == null ? Long.MAX_VALUE : InstantParam.epochMillis("to", to);
            if (end < start) {
                throw new InvalidInputException("to", "'to' must not be before 'from'");
            }
            return new TimeRange(null, start, end);
        }

        InstanceSeries select(InstanceWindows windows, RollingWindow window, long newest) {
            return length != null ? windows.series(window, newest - length.toMillis() + 1, newest)
                    : windows.series(window, from, to);
        }
    }

    private static Duration parseWindow(String window) {
        try {
            return PrometheusDuration.parse(window);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("window", e.getMessage());
        }
    }
}

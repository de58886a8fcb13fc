package io.downtime.collector.rest;

import io.downtime.collector.MetricSource;
import io.downtime.collector.RollingWindow;
import io.downtime.features.InstanceSeries;
import io.downtime.features.PrometheusDuration;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Recent samples of one or all instances, with the down flag each sample carries (the incident label). */
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
     * @param down       per timestamp: an incident was under way
     */
    public record Samples(String instance, String step, List<String> signals, long[] timestamps, List<Double[]> values,
                          boolean[] down) {

        static Samples of(InstanceSeries series, Duration step) {
            List<Double[]> columns = Arrays.stream(series.values()).map(Samples::nullForNaN).toList();
            return new Samples(series.instance(), PrometheusDuration.format(step), series.signals(),
                    series.timestamps(), columns, series.down());
        }

        private static Double[] nullForNaN(double[] values) {
            Double[] boxed = new Double[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = Double.isNaN(values[i]) ? null : values[i];
            }
            return boxed;
        }
    }

    private final MetricSource source;

    public SamplesResource(MetricSource source) {
        this.source = source;
    }

    /**
     * @param instance the instance; all instances when absent
     * @param window   how far back from the newest sample, Prometheus notation (default 1h)
     */
    @GET
    public List<Samples> samples(@QueryParam("instance") String instance,
                                 @QueryParam("window") @DefaultValue("1h") String window) {
        Duration length = parseWindow(window);
        List<RollingWindow> selected = instance == null ? source.windows()
                : List.of(source.window(instance).orElseThrow(
                        () -> new NotFoundException("unknown instance '" + instance + "'")));
        return selected.stream().map(w -> samples(w, length)).toList();
    }

    private Samples samples(RollingWindow window, Duration length) {
        long newest = window.lastTimestamp().orElse(0);
        return Samples.of(window.between(newest - length.toMillis() + 1, newest), source.step());
    }

    private static Duration parseWindow(String window) {
        try {
            return PrometheusDuration.parse(window);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("window", e.getMessage());
        }
    }
}

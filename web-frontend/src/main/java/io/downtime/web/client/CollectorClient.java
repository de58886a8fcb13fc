package io.downtime.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** collector-service, as far as the web UI reads it. */
@Path("/")
@RegisterRestClient(configKey = "collector")
public interface CollectorClient {

    /** Samples of one instance over {@code window} (Prometheus notation). */
    @GET
    @Path("samples")
    List<Samples> samples(@QueryParam("instance") String instance, @QueryParam("window") String window);

    @GET
    @Path("signals")
    Signals signals();

    /** Samples as columns; null values are missing. */
    record Samples(String instance, String step, List<String> signals, long[] timestamps, List<Double[]> values,
                   boolean[] incidents) {
    }

    /** The collector's source, step and signals. */
    record Signals(String source, String step, List<String> signals, List<String> logSignals) {
    }
}

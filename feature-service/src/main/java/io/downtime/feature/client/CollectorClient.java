package io.downtime.feature.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** collector-service, as far as this service reads it. */
@Path("/")
@RegisterRestClient(configKey = "collector")
public interface CollectorClient {

    /** The signals every sample carries and the time between samples. */
    @GET
    @Path("signals")
    CollectorSignals signals();

    /** Samples of one instance, or of all when {@code instance} is null, over {@code window} (Prometheus notation). */
    @GET
    @Path("samples")
    List<CollectorSamples> samples(@QueryParam("instance") String instance, @QueryParam("window") String window);
}

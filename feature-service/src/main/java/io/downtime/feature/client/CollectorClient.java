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

    /** Most instances the collector returns in one page of samples. */
    int PAGE = 1000;

    /** The signals every sample carries and the time between samples. */
    @GET
    @Path("signals")
    CollectorSignals signals();

    /**
     * Samples of one instance, or a page of all instances when {@code instance} is null: over {@code window}
     * (Prometheus notation) back from each instance's newest sample, or over {@code [from, to]} (ISO-8601) when
     * {@code from} is given.
     */
    @GET
    @Path("samples")
    List<CollectorSamples> samples(@QueryParam("instance") String instance, @QueryParam("window") String window,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("offset") int offset, @QueryParam("limit") int limit);
}

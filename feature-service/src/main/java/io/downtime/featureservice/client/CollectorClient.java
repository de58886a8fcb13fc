package io.downtime.featureservice.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** collector-service, as far as this service reads it. */
@Path("/")
@RegisterRestClient(configKey = "collector")
public interface CollectorClient {

    /** Most instances one page of the feed carries. */
    int FEED_PAGE = 500;

    /** The signals every sample carries and the time between samples. */
    @GET
    @Path("signals")
    CollectorSignals signals();

    /** What is new since {@code after} (of run {@code epoch}), a page of instances at a time. */
    @GET
    @Path("feed")
    CollectorFeed feed(@QueryParam("after") long after, @QueryParam("epoch") String epoch,
                       @QueryParam("limit") int limit, @QueryParam("lag") int lag, @QueryParam("offset") int offset,
                       @QueryParam("pageSize") int pageSize);

    /** Every instance the collector knows. */
    @GET
    @Path("instances")
    List<CollectorInstance> instances();

    /** Every incident within the samples the collector holds. */
    @GET
    @Path("incidents")
    List<CollectorIncident> incidents();

    /** The simulated fleet's history with its incidents, generated on request (for a cold start). */
    @GET
    @Path("sim/history")
    List<CompactSamples> simulatedHistory();

    /**
     * Samples of one instance in the compact form: over {@code window} (Prometheus notation) back from its newest
     * sample, or over {@code [from, to]} (ISO-8601) when {@code from} is given.
     */
    @GET
    @Path("samples")
    List<CompactSamples> samples(@QueryParam("instance") String instance, @QueryParam("window") String window,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("format") String format);
}

package io.downtime.predictor.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;


/** feature-service, as far as the predictor reads it. */
@Path("/")
@RegisterRestClient(configKey = "features")
public interface FeatureClient {

    @GET
    @Path("features/schema")
    RemoteSchema schema();

    @GET
    @Path("features/{instance}")
    RemoteFeatureVector latest(@PathParam("instance") String instance);


    /** Every instance's newest vector, compact. */
    @GET
    @Path("features/compact")
    RemoteCompactVectors compact();

    /**
     * The labelled training set as CSV, streamed, of at most {@code maxRows} rows, from the fleet's history or
     * ({@code source=simulator}) the simulated fleet's; the {@code X-Training-Sampling} header says how the rows were
     * chosen.
     */
    @GET
    @Path("training-set")
    @Produces("text/csv")
    Response trainingSet(@QueryParam("horizon") String horizon, @QueryParam("maxRows") long maxRows,
                         @QueryParam("source") String source);
}

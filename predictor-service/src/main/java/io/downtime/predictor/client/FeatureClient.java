package io.downtime.predictor.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;
import java.util.List;

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

    @GET
    @Path("features")
    List<RemoteFeatureVector> latestOfAll();

    /** The labelled training set as CSV, streamed. */
    @GET
    @Path("training-set")
    @Produces("text/csv")
    InputStream trainingSet(@QueryParam("horizon") String horizon);
}

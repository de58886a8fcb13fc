package io.downtime.predictor.rest;

import io.downtime.admin.AdminOnly;
import io.downtime.models.Algorithm;
import io.downtime.problem.InvalidInputException;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.models.registry.ModelMetadata;
import io.downtime.models.registry.ModelRegistry;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.downtime.predictor.training.TrainingJobs;
import io.downtime.predictor.training.TrainingJobs.Job;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The model registry and training: list, inspect, train, promote, roll back. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelRegistry registry;
    private final ServedModel served;
    private final TrainingJobs jobs;
    private final String horizon;

    public ModelsResource(ModelRegistry registry, ServedModel served, TrainingJobs jobs, PredictorConfig config) {
        this.registry = registry;
        this.served = served;
        this.jobs = jobs;
        this.horizon = config.horizon();
    }

    /** Every stored version, newest first. */
    @GET
    @Path("models")
    public List<ModelMetadata> list() {
        return registry.list();
    }

    /** The model being served. */
    @GET
    @Path("models/champion")
    public ModelMetadata champion() {
        return served.require().metadata();
    }

    @GET
    @Path("models/{version}")
    public ModelMetadata model(@PathParam("version") String version) {
        return registry.metadata(version).orElseThrow(() -> new NotFoundException("no model version '" + version + "'"));
    }

    /**
     * Starts training a challenger of {@code algorithm} (default: the configured one): 202 with the job's
     * {@code Location}; 409 while another run is under way.
     */
    @POST
    @AdminOnly
    @Path("models/train")
    public Response train(@QueryParam("algorithm") String algorithm, @Context UriInfo uri) {
        Optional<Job> started;
        if (algorithm == null) {
            started = jobs.start();
        } else {
            try {
                started = jobs.start(Algorithm.of(algorithm));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("algorithm", e.getMessage());
            }
        }
        Job job = started.orElseThrow(() -> {
            String running = jobs.running().map(Job::id).orElse("?");
            return new WebApplicationException("training job " + running + " is already running; follow /jobs/"
                    + running, Response.Status.CONFLICT);
        });
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("jobs").path(job.id()).build()).build();
    }

    @GET
    @Path("jobs")
    public List<Job> jobs() {
        return jobs.list();
    }

    @GET
    @Path("jobs/{id}")
    public Job job(@PathParam("id") String id) {
        return jobs.get(id).orElseThrow(() -> new NotFoundException("no training job '" + id + "'"));
    }

    /** Serves {@code version} from now on. */
    @POST
    @AdminOnly
    @Path("models/{version}/promote")
    public ModelMetadata promote(@PathParam("version") String version) throws IOException {
        ModelMetadata metadata = model(version);
        if (!metadata.horizon().equals(horizon)) {
            throw new WebApplicationException("model " + version + " predicts " + metadata.horizon()
                    + " ahead but this predictor serves " + horizon, Response.Status.CONFLICT);
        }
        RegisteredModel promoted = registry.promote(version);
        served.serve(promoted);
        return promoted.metadata();
    }

    /** Serves the previous champion again. */
    @POST
    @AdminOnly
    @Path("models/rollback")
    public ModelMetadata rollback() throws IOException {
        try {
            RegisteredModel previous = registry.rollback(horizon);
            served.serve(previous);
            return previous.metadata();
        } catch (IllegalStateException e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
    }
}

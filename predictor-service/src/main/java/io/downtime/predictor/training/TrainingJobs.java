package io.downtime.predictor.training;

import io.downtime.models.Algorithm;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.config.PredictorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Training runs in the background, one at a time: started through the API or by the retrain schedule, each with a
 * progress report. The most recent runs are remembered.
 */
@ApplicationScoped
public class TrainingJobs {

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class);
    private static final int REMEMBERED = 50;

    /**
     * A training run.
     *
     * @param id       job id
     * @param horizon  horizon the model is trained for
     * @param algorithm algorithm trained, e.g. {@code xgboost}
     * @param state    {@code running}, {@code succeeded} or {@code failed}
     * @param phase    what it is doing, or did last
     * @param percent  share done, 0 to 100
     * @param started  when it started
     * @param finished when it ended; null while running
     * @param result   the new model and whether it became the champion; null unless succeeded
     * @param error    why it failed; null unless failed
     */
    public record Job(String id, String horizon, String algorithm, State state, String phase, int percent,
                      Instant started, Instant finished, ModelTraining.Result result, String error) {

        public boolean running() {
            return state == State.RUNNING;
        }
    }

    /** Where a job is; served by its id ({@code running}). */
    public enum State implements io.downtime.features.ServedId {
        RUNNING, SUCCEEDED, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String id() {
            return io.downtime.features.ServedId.super.id();
        }
    }

    private final ModelTraining training;
    private final Clock clock;
    private final ServedModel served;
    private final String horizon;
    private final Algorithm defaultAlgorithm;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "training-job");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingJobs(ModelTraining training, ServedModel served, PredictorConfig config, Clock clock) {
        this.training = training;
        this.clock = clock;
        this.served = served;
        this.horizon = config.horizon();
        this.defaultAlgorithm = Algorithm.of(config.training().algorithm());
    }

    /** Starts a run of the configured algorithm; empty when one is already running (see {@link #running()}). */
    public Optional<Job> start() {
        return start(defaultAlgorithm);
    }

    /** Starts a run of {@code algorithm}; empty when one is already running (see {@link #running()}). */
    public synchronized Optional<Job> start(Algorithm algorithm) {
        if (running().isPresent()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Job job = new Job(id, horizon, algorithm.id(), State.RUNNING, "queued", 0, clock.instant(), null, null, null);
        remember(job);
        worker.submit(() -> run(id, algorithm));
        return Optional.of(job);
    }

    /** Starts a run of {@code algorithm} as soon as no other runs, and waits until it has ended. */
    public void runWhenFree(Algorithm algorithm) throws InterruptedException {
        Optional<Job> started = start(algorithm);
        while (started.isEmpty()) {
            TimeUnit.SECONDS.sleep(1);
            started = start(algorithm);
        }
        String id = started.get().id();
        while (get(id).map(Job::running).orElse(false)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** The run under way, if any. */
    public synchronized Optional<Job> running() {
        return jobs.values().stream().filter(Job::running).findFirst();
    }

    public synchronized Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Remembered runs, newest first. */
    public synchronized List<Job> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(Job::started).reversed());
        return all;
    }

    @Scheduled(every = "${predictor.training.retrain-interval}", delayed = "${predictor.training.retrain-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrainOnSchedule() {
        if (served.current().isPresent()) {
            start().ifPresent(job -> LOG.infof("scheduled retraining: job %s", job.id()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void run(String id, Algorithm algorithm) {
        try {
            ModelTraining.Result result = training.train(algorithm, (phase, percent) -> update(id, phase, percent));
            finish(id, State.SUCCEEDED, result, null);
        } catch (Exception | OutOfMemoryError e) {
            String cause = FirstTraining.describe(e);
            LOG.errorf(e, "training job %s failed: %s", id, cause);
            finish(id, State.FAILED, null, cause);
        }
    }

    private synchronized void update(String id, String phase, int percent) {
        Job job = jobs.get(id);
        remember(new Job(id, job.horizon(), job.algorithm(), job.state(), phase, percent, job.started(), null, null, null));
    }

    private synchronized void finish(String id, State state, ModelTraining.Result result, String error) {
        Job job = jobs.get(id);
        remember(new Job(id, job.horizon(), job.algorithm(), state, job.phase(), result == null ? job.percent() : 100, job.started(),
                clock.instant(), result, error));
    }

    private void remember(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > REMEMBERED) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }
}

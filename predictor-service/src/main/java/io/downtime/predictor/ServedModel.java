package io.downtime.predictor;

import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import jakarta.enterprise.context.ApplicationScoped;
import io.downtime.problem.DomainException;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The model currently served: swapped atomically, so a request sees one whole model, old or new. */
@ApplicationScoped
public class ServedModel {

    private final AtomicReference<RegisteredModel> current = new AtomicReference<>();
    private final ServedModelMetrics metrics;

    public ServedModel(ServedModelMetrics metrics) {
        this.metrics = metrics;
    }

    public Optional<RegisteredModel> current() {
        return Optional.ofNullable(current.get());
    }

    /** The served model; not ready while there is none yet. */
    public RegisteredModel require() {
        return current().orElseThrow(() -> new DomainException.NotReady(
                "no model is available yet: the first training is still running; retry shortly"));
    }

    public void serve(RegisteredModel model) {
        current.set(model);
        metrics.describe(model.metadata());
    }
}

package io.downtime.collector;

import io.downtime.features.InstanceSeries;

/**
 * Incidents known from elsewhere than the samples (alerts, people): they label the samples they cover, and only the
 * labels; a feature never sees them.
 */
@FunctionalInterface
public interface IncidentLabels {

    /** No incident besides the samples' own. */
    IncidentLabels NONE = series -> series;

    /** {@code series} with the samples these incidents cover labelled as incidents. */
    InstanceSeries label(InstanceSeries series);
}

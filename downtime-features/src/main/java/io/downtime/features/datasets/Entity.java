package io.downtime.features.datasets;

import io.downtime.features.InstanceSeries;

/**
 * One server (or series) of a labelled dataset.
 *
 * @param name  the entity's name, e.g. {@code machine-1-2}
 * @param train the unlabelled first part, assumed mostly normal (no incident known in it); empty for NAB
 * @param test  the labelled part that follows it: its incidents are the dataset's anomaly labels; no down state is observed
 */
public record Entity(String name, InstanceSeries train, InstanceSeries test) {
}

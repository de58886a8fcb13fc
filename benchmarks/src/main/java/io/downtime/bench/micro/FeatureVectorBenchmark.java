package io.downtime.bench.micro;

import io.downtime.features.InstanceSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Feature computation: the latest vector (363 features) of one instance from a day of one-minute history. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeatureVectorBenchmark {

    private SimulatedFleet fleet;
    private List<InstanceSeries> histories;
    private int next;

    @Setup
    public void simulate() {
        fleet = new SimulatedFleet(50, 10, 11);
        histories = fleet.histories;
    }

    @Benchmark
    public double[] latestVectorOfOneInstance() {
        next = next + 1 == histories.size() ? 0 : next + 1;
        InstanceSeries series = histories.get(next);
        return fleet.extractor.vectorAt(series, series.length() - 1);
    }
}

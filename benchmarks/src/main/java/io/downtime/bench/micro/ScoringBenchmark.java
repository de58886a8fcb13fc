package io.downtime.bench.micro;

import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The predictor's hot path on the pure-Java XGBoost evaluator: one probability, one TreeSHAP explanation, and the
 * scoring of a fleet of 10,000 instances (target: under 100 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class ScoringBenchmark {

    static final int FLEET = 10_000;

    private DowntimeModel model;
    private double[][] fleet;
    private int next;

    @Setup
    public void train() {
        SimulatedFleet simulated = new SimulatedFleet(100, 3000, 7);
        model = simulated.trainXGBoost(5);
        double[][] distinct = simulated.latestVectors();
        fleet = new double[FLEET][];
        for (int i = 0; i < FLEET; i++) {
            fleet[i] = distinct[i % distinct.length];
        }
    }

    private double[] nextVector() {
        next = next + 1 == fleet.length ? 0 : next + 1;
        return fleet[next];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double probabilityOfOneInstance() {
        return model.probability(nextVector());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Explanation treeShapOfOneInstance() {
        return model.explain(nextVector());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double probabilitiesOf10000Instances() {
        double sum = 0;
        for (double[] vector : fleet) {
            sum += model.probability(vector);
        }
        return sum;
    }
}

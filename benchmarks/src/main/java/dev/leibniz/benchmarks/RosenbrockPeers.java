package dev.leibniz.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rosenbrock's O(n²) peers: Hipparchus forward mode and central differences. Skipped at
 * n = 100,000, where either would take about 10¹⁰ operations per gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockPeers {
    @Param({"10", "100", "1000"})
    public int n;

    double[] x;
    double[] g;

    @Setup
    public void setUp() {
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.9 * Math.sin(1.7 * i);
        }
        g = new double[n];
        double[] hand = new double[n];
        RosenbrockAdjoint.gradient(x, hand);
        Forward.rosenbrock(x, g);
        Agreement.require("Rosenbrock n=" + n + " Hipparchus", hand, g);
    }

    @Benchmark
    public double hipparchus() {
        return Forward.rosenbrock(x, g);
    }

    @Benchmark
    public double[] centralDifferences() {
        CentralDifferences.gradient(() -> Rosenbrock.rosenbrock(x), g, x);
        return g;
    }
}

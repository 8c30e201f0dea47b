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
import org.openjdk.jmh.infra.Blackhole;

/** Rosenbrock: the primal, the generated gradient (into and fresh) and the hand-written one. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockBench {
    @Param({"10", "100", "1000", "100000"})
    public int n;

    double[] x;
    double[] g;
    RosenbrockGrad.RosenbrockGradient into;

    @Setup
    public void setUp() {
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.9 * Math.sin(1.7 * i);
        }
        g = new double[n];
        into = new RosenbrockGrad.RosenbrockGradient();
        RosenbrockAdjoint.gradient(x, g);
        RosenbrockGrad.rosenbrock(x, into);
        Agreement.require("Rosenbrock n=" + n + " into", g, into.x());
        Agreement.require("Rosenbrock n=" + n + " fresh", g, RosenbrockGrad.rosenbrock(x).x());
    }

    @Benchmark
    public double primal() {
        return Rosenbrock.rosenbrock(x);
    }

    @Benchmark
    public double gradientInto() {
        return RosenbrockGrad.rosenbrock(x, into);
    }

    @Benchmark
    public void gradientFresh(Blackhole bh) {
        bh.consume(RosenbrockGrad.rosenbrock(x));
    }

    @Benchmark
    public double handWritten() {
        return RosenbrockAdjoint.gradient(x, g);
    }
}

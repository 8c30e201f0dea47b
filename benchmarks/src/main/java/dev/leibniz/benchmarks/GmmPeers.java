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
 * GMM's peers whose cost grows with the number of parameters N: Hipparchus forward mode and
 * central differences, on the d = 2, K = 5 instances (N = 30). Skipped on d10 K25 (N = 1,650)
 * and d20 K10 (N = 2,310), where each would take seconds per gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmPeers {
    @Param({"1k-gmm_d2_K5", "10k-gmm_d2_K5"})
    public String instance;

    AdbenchData.GmmInput in;
    double[] alphas;
    double[] means;
    double[] icf;
    double[] g;

    @Setup
    public void setUp() {
        in = AdbenchData.gmm("gmm/" + instance + ".txt");
        alphas = in.alphas().clone();
        means = in.means().clone();
        icf = in.icf().clone();
        double[] ga = new double[in.k()];
        double[] gm = new double[in.d() * in.k()];
        double[] gi = new double[in.icfSize() * in.k()];
        GmmAdjoint.gradient(in.d(), in.k(), in.n(), alphas, means, icf, in.x(), in.wishart(),
                ga, gm, gi, new GmmAdjoint.Work());
        g = new double[ga.length + gm.length + gi.length];
        hipparchus();
        Agreement.require(instance + " Hipparchus", Agreement.flat(ga, gm, gi), g);
    }

    @Benchmark
    public double hipparchus() {
        return Forward.gmm(in.d(), in.k(), in.n(), alphas, means, icf, in.x(), in.wishart(), g);
    }

    @Benchmark
    public double[] centralDifferences() {
        CentralDifferences.gradient(() -> Gmm.gmmObjective(in.d(), in.k(), in.n(), alphas,
                means, icf, in.x(), in.wishart()), g, alphas, means, icf);
        return g;
    }
}

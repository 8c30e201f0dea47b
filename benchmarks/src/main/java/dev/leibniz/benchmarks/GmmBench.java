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

/** ADBench GMM on full instances: primal, generated gradient (into, fresh), hand-written. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmBench {
    @Param({"1k-gmm_d2_K5", "1k-gmm_d10_K25", "1k-gmm_d20_K10", "10k-gmm_d2_K5"})
    public String instance;

    AdbenchData.GmmInput in;
    GmmGrad.GmmObjectiveGradient into;
    GmmAdjoint.Work work;
    double[] ga;
    double[] gm;
    double[] gi;

    @Setup
    public void setUp() {
        in = AdbenchData.gmm("gmm/" + instance + ".txt");
        into = new GmmGrad.GmmObjectiveGradient();
        work = new GmmAdjoint.Work();
        ga = new double[in.k()];
        gm = new double[in.d() * in.k()];
        gi = new double[in.icfSize() * in.k()];
        handWritten();
        gradientInto();
        double[] hand = Agreement.flat(ga, gm, gi);
        Agreement.require(instance + " into", hand,
                Agreement.flat(into.alphas(), into.means(), into.icf()));
        var fresh = GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(),
                in.icf(), in.x(), in.wishart());
        Agreement.require(instance + " fresh", hand,
                Agreement.flat(fresh.alphas(), fresh.means(), fresh.icf()));
    }

    @Benchmark
    public double primal() {
        return Gmm.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                in.x(), in.wishart());
    }

    @Benchmark
    public double gradientInto() {
        return GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                in.x(), in.wishart(), into);
    }

    @Benchmark
    public void gradientFresh(Blackhole bh) {
        bh.consume(GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(),
                in.icf(), in.x(), in.wishart()));
    }

    @Benchmark
    public double handWritten() {
        return GmmAdjoint.gradient(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                in.x(), in.wishart(), ga, gm, gi, work);
    }
}

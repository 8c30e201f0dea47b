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

/**
 * The MLP loss with softmax cross-entropy on a batch of 32 synthetic inputs: 784-128-10 (issue 10's
 * objective) and the two shapes of its table, 64-32-10 and 784-64-10.
 * Hipparchus and central differences are skipped: with 101,770 parameters, forward mode
 * carries 101,770 partials through every one of ~3.3 million operations, and central
 * differences need 203,540 evaluations of the loss.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlpBench {
    @Param({"64-32-10", "784-64-10", "784-128-10"})
    public String shape;

    @Param({"32"})
    public int batch;

    MlpData d;
    MlpGrad.LossGradient into;
    MlpAdjoint.Work work;
    double[][] gw1;
    double[] gb1;
    double[][] gw2;
    double[] gb2;

    @Setup
    public void setUp() {
        String[] s = shape.split("-");
        int in = Integer.parseInt(s[0]);
        int hidden = Integer.parseInt(s[1]);
        int classes = Integer.parseInt(s[2]);
        d = MlpData.random(in, hidden, classes, batch, 42);
        into = new MlpGrad.LossGradient();
        work = new MlpAdjoint.Work();
        gw1 = new double[hidden][in];
        gb1 = new double[hidden];
        gw2 = new double[classes][hidden];
        gb2 = new double[classes];
        handWritten();
        gradientInto();
        double[] hand = Agreement.flat(gw1, gb1, gw2, gb2);
        Agreement.require("MLP into", hand, Agreement.flat(into.w1(), into.b1(), into.w2(), into.b2()));
        var fresh = MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels);
        Agreement.require("MLP fresh", hand,
                Agreement.flat(fresh.w1(), fresh.b1(), fresh.w2(), fresh.b2()));
    }

    @Benchmark
    public double primal() {
        return Mlp.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels);
    }

    @Benchmark
    public double gradientInto() {
        return MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, into);
    }

    @Benchmark
    public void gradientFresh(Blackhole bh) {
        bh.consume(MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels));
    }

    @Benchmark
    public double handWritten() {
        return MlpAdjoint.gradient(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, gw1, gb1, gw2, gb2, work);
    }
}

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

/** ADBench LSTM: primal, generated gradient (into, fresh), hand-written. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LstmBench {
    @Param({"lstm_l2_c1024", "lstm_l4_c1024"})
    public String instance;

    AdbenchData.LstmInput in;
    LstmGrad.LstmObjectiveGradient into;
    LstmAdjoint.Work work;
    double[] gm;
    double[] ge;

    @Setup
    public void setUp() {
        in = AdbenchData.lstm("lstm/" + instance + ".txt");
        into = new LstmGrad.LstmObjectiveGradient();
        work = new LstmAdjoint.Work();
        gm = new double[in.mainParams().length];
        ge = new double[in.extraParams().length];
        handWritten();
        gradientInto();
        double[] hand = Agreement.flat(gm, ge);
        Agreement.require(instance + " into", hand,
                Agreement.flat(into.mainParams(), into.extraParams()));
        var fresh = LstmGrad.lstmObjective(in.l(), in.c(), in.b(), in.mainParams(),
                in.extraParams(), in.state(), in.sequence());
        Agreement.require(instance + " fresh", hand,
                Agreement.flat(fresh.mainParams(), fresh.extraParams()));
    }

    @Benchmark
    public double primal() {
        return Lstm.lstmObjective(in.l(), in.c(), in.b(), in.mainParams(), in.extraParams(),
                in.state(), in.sequence());
    }

    @Benchmark
    public double gradientInto() {
        return LstmGrad.lstmObjective(in.l(), in.c(), in.b(), in.mainParams(), in.extraParams(),
                in.state(), in.sequence(), into);
    }

    @Benchmark
    public void gradientFresh(Blackhole bh) {
        bh.consume(LstmGrad.lstmObjective(in.l(), in.c(), in.b(), in.mainParams(),
                in.extraParams(), in.state(), in.sequence()));
    }

    @Benchmark
    public double handWritten() {
        return LstmAdjoint.gradient(in.l(), in.c(), in.b(), in.mainParams(), in.extraParams(),
                in.state(), in.sequence(), gm, ge, work);
    }
}

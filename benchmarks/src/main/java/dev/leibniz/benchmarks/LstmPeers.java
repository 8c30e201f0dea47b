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
 * LSTM's central differences on lstm_l2_c1024 (N = 266 parameters, 532 evaluations). Skipped
 * on lstm_l4_c1024, and Hipparchus forward mode is skipped on both: it would carry 266 (or
 * 490) partials through each of about a million operations, seconds per gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LstmPeers {
    @Param({"lstm_l2_c1024"})
    public String instance;

    AdbenchData.LstmInput in;
    double[] mainParams;
    double[] extraParams;
    double[] g;

    @Setup
    public void setUp() {
        in = AdbenchData.lstm("lstm/" + instance + ".txt");
        mainParams = in.mainParams().clone();
        extraParams = in.extraParams().clone();
        g = new double[mainParams.length + extraParams.length];
    }

    @Benchmark
    public double[] centralDifferences() {
        CentralDifferences.gradient(() -> Lstm.lstmObjective(in.l(), in.c(), in.b(), mainParams,
                extraParams, in.state(), in.sequence()), g, mainParams, extraParams);
        return g;
    }
}

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
 * ADBench BA: the residuals of every observation (primal) and the whole sparse Jacobian,
 * 31 p entries, from every peer. The generated one takes one pullback per residual row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BaBench {
    @Param({"ba1_n49_m7776_p31843"})
    public String instance;

    BaJacobian ba;
    double[] j;
    double[] reproj;
    double[] wErr;
    BaGrad.ReprojErrorGradient into;
    BaGrad.ZachWeightErrorGradient wInto;
    BaAdjoint adjoint;
    double[] camBuf;
    double[] xBuf;

    @Setup
    public void setUp() {
        ba = new BaJacobian(AdbenchData.ba("ba/" + instance + ".txt"));
        j = new double[ba.size()];
        reproj = new double[2 * ba.p];
        wErr = new double[ba.p];
        into = new BaGrad.ReprojErrorGradient();
        wInto = new BaGrad.ZachWeightErrorGradient();
        adjoint = new BaAdjoint();
        camBuf = new double[Ba.NCAMPARAMS];
        xBuf = new double[3];
        double[] hand = new double[ba.size()];
        ba.hand(hand, adjoint);
        ba.generated(j, into, wInto);
        Agreement.require(instance + " into", hand, j);
        ba.generatedFresh(j);
        Agreement.require(instance + " fresh", hand, j);
        ba.hipparchus(j);
        Agreement.require(instance + " Hipparchus", hand, j);
    }

    @Benchmark
    public double primal() {
        return ba.objective(reproj, wErr);
    }

    @Benchmark
    public double[] gradientInto() {
        ba.generated(j, into, wInto);
        return j;
    }

    @Benchmark
    public double[] gradientFresh() {
        ba.generatedFresh(j);
        return j;
    }

    @Benchmark
    public double[] handWritten() {
        ba.hand(j, adjoint);
        return j;
    }

    @Benchmark
    public double[] hipparchus() {
        ba.hipparchus(j);
        return j;
    }

    @Benchmark
    public double[] centralDifferences() {
        ba.centralDifferences(j, camBuf, xBuf);
        return j;
    }
}

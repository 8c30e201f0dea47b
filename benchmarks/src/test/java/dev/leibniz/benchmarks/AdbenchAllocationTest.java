package dev.leibniz.benchmarks;


import dev.leibniz.processor.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * The contract's promise for the {@code into} overloads of the benchmarks' objectives: once
 * {@code into} has been used with inputs of the same shape, a call allocates nothing. Measured
 * with the JVM's per-thread allocation counter, as {@code loops.AllocationTest} does.
 */
class AdbenchAllocationTest {
    private static void assertAllocatesNothingOnceWarm(Runnable call, int calls) {
        Allocations.assertAllocatesNothingOnceWarm(call, 20, calls);
    }

    @Test
    void gmmObjective() {
        var in = GmmTest.IN;
        var into = new GmmGrad.GmmObjectiveGradient();
        assertAllocatesNothingOnceWarm(() -> GmmGrad.gmmObjective(in.d(), in.k(), in.n(),
                in.alphas(), in.means(), in.icf(), in.x(), in.wishart(), into), 200);
    }

    @Test
    void lstmObjective() {
        var in = LstmTest.IN;
        var into = new LstmGrad.LstmObjectiveGradient();
        assertAllocatesNothingOnceWarm(() -> LstmGrad.lstmObjective(in.l(), in.c(), in.b(),
                in.mainParams(), in.extraParams(), in.state(), in.sequence(), into), 3);
    }

    @Test
    void baPullbackPerResidualRow() {
        var ba = new BaJacobian(BaTest.IN);
        var into = new BaGrad.ReprojErrorGradient();
        var wInto = new BaGrad.ZachWeightErrorGradient();
        double[] j = new double[ba.size()];
        assertAllocatesNothingOnceWarm(() -> ba.generated(j, into, wInto), 20);
    }

    @Test
    void rosenbrock() {
        double[] x = RosenbrockTest.point(1000);
        var into = new RosenbrockGrad.RosenbrockGradient();
        assertAllocatesNothingOnceWarm(() -> RosenbrockGrad.rosenbrock(x, into), 20);
    }

    @Test
    void mlpLoss() {
        MlpData d = MlpData.random(20, 8, 4, 5, 3);
        var into = new MlpGrad.LossGradient();
        assertAllocatesNothingOnceWarm(() -> MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels,
                into), 20);
    }

    @Test
    void forwardModeJacobian() {
        var bench = new JacobianBench();
        bench.size = "64x8";
        bench.setUp();
        var into = new LayerGrad.TanhLayerJacobian();
        assertAllocatesNothingOnceWarm(() -> LayerGrad.tanhLayerJacobian(bench.a, bench.x, bench.b, into), 20);
    }
}

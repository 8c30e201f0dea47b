package dev.leibniz.processor.loops;


import dev.leibniz.processor.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * The contract: once {@code into} has been used with inputs of the same shape, the {@code into}
 * overload allocates nothing, loops, tape and local arrays included. Measured with the JVM's
 * per-thread allocation counter, which counts bytes, not time.
 */
class AllocationTest {
    private static void assertAllocatesNothingOnceWarm(Runnable call) {
        Allocations.assertAllocatesNothingOnceWarm(call, 50, 200);
    }

    @Test
    void mlpWithLocalArraysAndTape() {
        double[] x = {0.5, -1.0, 2.0};
        double[][] w1 = {{0.1, 0.2, -0.3}, {0.4, -0.5, 0.6}, {-0.7, 0.8, 0.9}, {0.05, 0.1, -0.2}};
        double[] b1 = {0.1, -0.1, 0.2, 0.0};
        double[][] w2 = {{0.3, -0.2, 0.1, 0.5}, {-0.4, 0.6, 0.2, -0.1}};
        double[] b2 = {0.05, -0.05};
        double[] t = {1.0, 0.0};
        MlpGrad.SquaredErrorGradient into = new MlpGrad.SquaredErrorGradient();
        assertAllocatesNothingOnceWarm(() -> MlpGrad.squaredError(x, w1, b1, w2, b2, t, into));
    }

    @Test
    void loopCarriedProduct() {
        double[] x = {1.5, -2.0, 0.25, 3.0, 0.0, 1.1};
        ProductsGrad.ProductGradient into = new ProductsGrad.ProductGradient();
        assertAllocatesNothingOnceWarm(() -> ProductsGrad.product(x, into));
    }

    @Test
    void softmaxWithBranchesInLoops() {
        double[] z = {0.3, 2.0, -1.0, 2.0, 0.7};
        SoftmaxGrad.CrossEntropyGradient into = new SoftmaxGrad.CrossEntropyGradient();
        assertAllocatesNothingOnceWarm(() -> SoftmaxGrad.crossEntropy(z, 1, into));
    }

    @Test
    void arraysMadeInsideLoops() {
        var into = new ArraysInLoopsGrad.PerSampleHiddenGradient();
        assertAllocatesNothingOnceWarm(() -> ArraysInLoopsGrad.perSampleHidden(ArraysInLoopsTest.W1,
                ArraysInLoopsTest.B1, ArraysInLoopsTest.W2, ArraysInLoopsTest.XS, ArraysInLoopsTest.YS, into));
        var nested = new ArraysInLoopsGrad.NestedGradient();
        double[] x = {0.5, -1.2, 2.0};
        assertAllocatesNothingOnceWarm(() -> ArraysInLoopsGrad.nested(x, nested));
    }

    @Test
    void rowsPassedToCallsInALoop() {
        double[][] w = {{0.2, -0.4, 0.7}, {-0.3, 0.5, 0.1}};
        double[] x = {1.1, 0.6, -0.8};
        var into = new RowsGrad.TanhLayerSumGradient();
        assertAllocatesNothingOnceWarm(() -> RowsGrad.tanhLayerSum(w, x, into));
    }

    @Test
    void proceduresCalledInALoopOnABufferAndOnRows() {
        var loss = new ProcedureCallsGrad.LossGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.loss(ProcedureCallsTest.W, ProcedureCallsTest.B,
                ProcedureCallsTest.XS, ProcedureCallsTest.YS, loss));
        var perIteration = new ProcedureCallsGrad.PerIterationGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.perIteration(ProcedureCallsTest.W, ProcedureCallsTest.B,
                ProcedureCallsTest.XS, perIteration));
        var rows = new ProcedureCallsGrad.RowsAsOutputsGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.rowsAsOutputs(ProcedureCallsTest.W, ProcedureCallsTest.B,
                ProcedureCallsTest.XS, rows));
        double[] x = {0.5, -0.8, 0.3};
        var totals = new ProcedureCallsGrad.RunningTotalsGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.runningTotals(x, 0.7, totals));
    }

    @Test
    void aBufferRefilledAfterACallSawIt() {
        double[] x = {0.3, -0.7, 1.2};
        var into = new ProcedureCallsGrad.RefilledGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.refilled(x, into));
    }

    @Test
    void arraysChosenInALoop() {
        double[][] w = {{0.2, -0.4}, {0.5, 0.1}, {-0.3, 0.8}};
        double[] x = {0.9, -0.6};
        var into = new ArrayChoicesGrad.PickRowsGradient();
        assertAllocatesNothingOnceWarm(() -> ArrayChoicesGrad.pickRows(w, x, 1, into));
    }

    @Test
    void doubleArrayValuedCallsInALoop() {
        double[][] w1 = {{0.2, -0.4}, {0.5, 0.1}, {-0.3, 0.8}};
        double[] b1 = {0.1, -0.2, 0.05};
        double[][] w2 = {{0.7, -1.1, 0.4}, {0.2, 0.3, -0.5}};
        double[] b2 = {0.3, -0.1};
        double[][] xs = {{1.0, 0.5}, {-0.3, 0.8}};
        var into = new VectorValuedGrad.PerSampleGradient();
        assertAllocatesNothingOnceWarm(() -> VectorValuedGrad.perSample(w1, b1, w2, b2, xs, into));
        var two = new VectorValuedGrad.TwoLayersGradient();
        assertAllocatesNothingOnceWarm(() -> VectorValuedGrad.twoLayers(w1, b1, w2, b2, xs[0], two));
        var seed = new double[] {0.5, -1.0, 2.0};
        var layer = new VectorValuedGrad.AffineTanhGradient();
        assertAllocatesNothingOnceWarm(() -> VectorValuedGrad.affineTanhPullback(w1, b1, xs[0], seed, layer));
    }

    @Test
    void calleesWithArraysOfTheirOwn() {
        double[] x = {0.4, -1.3};
        var calls = new ProcedureCallsGrad.CallsWithScratchGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.callsWithScratch(x, calls));
        var procedure = new ProcedureCallsGrad.CallsProcedureWithScratchGradient();
        assertAllocatesNothingOnceWarm(() -> ProcedureCallsGrad.callsProcedureWithScratch(x, procedure));
    }
}

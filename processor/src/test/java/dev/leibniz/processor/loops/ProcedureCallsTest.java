package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.leibniz.processor.testing.Packing;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** {@link ProcedureCalls} against central differences, Hipparchus and closed forms. */
class ProcedureCallsTest {
    static final double[][] W = matrix(vector(0.2, -0.4, 0.7), vector(-0.3, 0.5, 0.1));
    static final double[] B = vector(0.1, -0.2);
    static final double[][] XS = matrix(vector(1.1, 0.6, -0.8), vector(0.3, -0.2, 0.9), vector(-1.0, 0.4, 0.5));
    static final double[] YS = vector(0.5, -0.3, 0.2);

    @Test
    void affineThenTanhPerSampleMatchesHipparchus() {
        var g = ProcedureCallsGrad.loss(W, B, XS, YS);
        // The same loss in DerivativeStructure arithmetic: W's 6 entries, then b's 2, are the variables.
        DSFactory f = new DSFactory(8, 1);
        DerivativeStructure l = f.constant(0);
        for (int n = 0; n < XS.length; n++) {
            DerivativeStructure s = f.constant(0);
            for (int j = 0; j < 2; j++) {
                DerivativeStructure z = f.variable(6 + j, B[j]);
                for (int k = 0; k < 3; k++) {
                    z = z.add(f.variable(3 * j + k, W[j][k]).multiply(XS[n][k]));
                }
                s = s.add(z.tanh());
            }
            DerivativeStructure d = s.subtract(YS[n]);
            l = l.add(d.multiply(d));
        }
        assertClose("value", l.getValue(), g.value());
        double[] all = l.getAllDerivatives();
        double[] expected = new double[8];
        System.arraycopy(all, 1, expected, 0, 8);
        assertClose("gradient", expected, Packing.flat(g.w(), g.b()));
        assertCentral("loss", p -> { var r = new Packing.Reader(p);
                    return ProcedureCalls.loss(r.matrix(W), r.vector(B), XS, YS); },
                Packing.flat(W, B), Packing.flat(g.w(), g.b()));
    }

    @Test
    void aBufferPerIterationFilledByAProcedure() {
        var g = ProcedureCallsGrad.perIteration(W, B, XS);
        assertCentral("per iteration", p -> { var r = new Packing.Reader(p);
                    return ProcedureCalls.perIteration(r.matrix(W), r.vector(B), XS); },
                Packing.flat(W, B), Packing.flat(g.w(), g.b()));
    }

    @Test
    void aBufferRefilledAfterTheCallSawIt() {
        double[] x = vector(0.3, -0.7, 1.2);
        // s = Σ_r Σ_i sin((r+1) x_i) x_i: ∂s/∂x_i = Σ_r (r+1) cos((r+1) x_i) x_i + sin((r+1) x_i)
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int r = 1; r <= 3; r++) {
                expected[i] += r * Math.cos(r * x[i]) * x[i] + Math.sin(r * x[i]);
            }
        }
        assertClose("closed form", expected, ProcedureCallsGrad.refilled(x).x());
    }

    @Test
    void aBufferWrittenAfterTheCallInTheSameIteration() {
        double[] x = vector(0.4, -0.9, 1.3);
        assertCentral("written after", ProcedureCalls::writtenAfterInTheIteration, x,
                ProcedureCallsGrad.writtenAfterInTheIteration(x).x());
    }

    @Test
    void aLocalArrayWrittenAfterTheCall() {
        double x = 0.7;
        // y = 2x², then a[0] = y: value y + y·2x = 2x² + 4x³, derivative 4x + 12x².
        var g = ProcedureCallsGrad.writtenAfterTheCall(x);
        assertClose("value", 2 * x * x + 4 * x * x * x, g.value());
        assertClose("derivative", 4 * x + 12 * x * x, g.x());
    }

    @Test
    void theSimplestProcedureCall() {
        double[] x = vector(1.5);
        assertClose("d (2x)² / dx = 8x", vector(8 * 1.5), ProcedureCallsGrad.callsTwice(x).x());
    }

    @Test
    void rowsOfALocalMatrixAsOutputsOfAProcedureThatCallsProcedures() {
        var g = ProcedureCallsGrad.rowsAsOutputs(W, B, XS);
        assertCentral("rows as outputs", p -> { var r = new Packing.Reader(p);
                    return ProcedureCalls.rowsAsOutputs(r.matrix(W), r.vector(B), XS); },
                Packing.flat(W, B), Packing.flat(g.w(), g.b()));
    }

    @Test
    void aProcedureThatCallsProceduresLeavesWhatItWritesInItsOutput() {
        double[] x = XS[0];
        double[] out = new double[2];
        double[] seed = vector(0.6, -1.3);
        var g = new ProcedureCallsGrad.LayerGradient();
        ProcedureCallsGrad.layerPullback(W, B, x, out, seed, g);
        double[] expected = new double[2];
        ProcedureCalls.layer(W, B, x, expected);
        assertArrayEquals(expected, out, 0.0, "the output holds what layer writes, not what a nested call saw");
        assertCentral("seedᵀ ∂out/∂x", p -> {
                    double[] o = new double[2];
                    ProcedureCalls.layer(W, B, p, o);
                    return seed[0] * o[0] + seed[1] * o[1];
                }, x.clone(), g.x());
    }

    @Test
    void outputsReadOnEntryUpdatedInALoopAndInABranch() {
        double[] x = vector(0.5, -0.8, 0.3);
        assertCentral("running totals", p -> ProcedureCalls.runningTotals(p, 0.7), x,
                ProcedureCallsGrad.runningTotals(x, 0.7).x());
    }

    @Test
    void anOutputWrittenOnlyThroughANestedProcedure() {
        double[] x = vector(0.5, -0.8);
        assertClose("d Σ tanh(x) / dx", vector(1 - Math.pow(Math.tanh(0.5), 2), 1 - Math.pow(Math.tanh(-0.8), 2)),
                ProcedureCallsGrad.squashedSum(x).x());
    }

    @Test
    void calleesWithArraysOfTheirOwn() {
        double[] x = vector(0.4, -1.3);
        // withScratch = p (p + x0) with p = x0 x1, called 4 times with weights 0 + 1 + 2 + 1
        double p = 0.4 * -1.3;
        double dp0 = -1.3;
        double dp1 = 0.4;
        double d0 = dp0 * (p + 0.4) + p * (dp0 + 1);
        double d1 = dp1 * (p + 0.4) + p * dp1;
        assertClose("calls", vector(4 * d0, 4 * d1), ProcedureCallsGrad.callsWithScratch(x).x());
        assertClose("procedure: d (x0 x1)² / dx", vector(2 * p * dp0, 2 * p * dp1),
                ProcedureCallsGrad.callsProcedureWithScratch(x).x());
    }

    @Test
    void aPartialPullbackFillsTheGradientsItIsAskedFor() {
        double[] a = vector(0.5, -1.5, 2.0);
        double[] c = vector(1.25, 0.75, -0.5);
        var into = new ProcedureCallsGrad.DotGradient();
        ProcedureCallsGrad.dotPullback(a, c, 3.0, into); // leaves non-zero gradients in into's arrays
        ProcedureCallsGrad.dotPartialPullback(a, c, 2.0, 1L, into); // bit 0: only a's gradient
        assertClose("∂(2 a·c)/∂a = 2c", vector(2.5, 1.5, -1.0), into.a());
        ProcedureCallsGrad.dotPartialPullback(a, c, -1.0, 2L, into); // bit 1: only c's gradient
        assertClose("∂(-a·c)/∂c = -a", vector(-0.5, 1.5, -2.0), into.c());
    }
}

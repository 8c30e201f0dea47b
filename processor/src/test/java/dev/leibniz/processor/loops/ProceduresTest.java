package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link Procedures}: the written arrays hold what the method writes, and the pullback is seedᵀ·J (closed forms). */
class ProceduresTest {

    @Test
    void affineLayerIntoAnOutputArray() {
        double[][] w = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8));
        double[] b = vector(0.1, -0.2, 0.05);
        double[] x = vector(1.0, 0.5);
        double[] out = new double[3];
        double[] seed = vector(0.7, -1.1, 0.4);
        var g = new ProceduresGrad.AffineGradient();
        ProceduresGrad.affinePullback(w, b, x, out, seed, g);
        double[] expected = new double[3];
        Procedures.affine(w, b, x, expected);
        assertArrayEquals(expected, out, 0.0, "the output holds what the method writes");
        // out = W x + b: seedᵀ ∂out/∂x = Wᵀ seed, ∂/∂b = seed, ∂/∂W = seed xᵀ, entry values of out unused.
        assertClose("d/dx", vector(0.7 * 0.2 - 1.1 * 0.5 + 0.4 * -0.3, 0.7 * -0.4 - 1.1 * 0.1 + 0.4 * 0.8), g.x());
        assertClose("d/db", seed, g.b());
        assertClose("d/dW row 1", vector(-1.1 * 1.0, -1.1 * 0.5), g.w()[1]);
        assertClose("d/d out on entry", vector(0, 0, 0), g.out());
    }

    @Test
    void anArrayReadAndWritten() {
        double[] v = vector(0.5, -1.5);
        double[] seed = vector(1.0, 2.0);
        var g = new ProceduresGrad.UpdateInPlaceGradient();
        ProceduresGrad.updateInPlacePullback(v, 3.0, seed, g);
        assertArrayEquals(vector(0.5 * 3 + 0.25, -1.5 * 3 + 2.25), v, 0.0);
        // v'ᵢ = a vᵢ + vᵢ²: ∂v'ᵢ/∂vᵢ = a + 2vᵢ at entry, ∂/∂a = Σ seedᵢ vᵢ.
        assertClose("d/dv on entry", vector(1.0 * (3 + 1.0), 2.0 * (3 - 3.0)), g.v());
        assertClose("d/da", 1.0 * 0.5 + 2.0 * -1.5, g.a());
    }

    @Test
    void twoOutputsWithTheirOwnSeeds() {
        double[] x = vector(2.0, 3.0, 0.5);
        var g = new ProceduresGrad.SumAndProductGradient();
        ProceduresGrad.sumAndProductPullback(x, new double[1], new double[1], vector(0.25), vector(2.0), g);
        // 0.25 ∂(Σx)/∂x + 2 ∂(Πx)/∂x
        assertClose("d/dx", vector(0.25 + 2 * 1.5, 0.25 + 2 * 1.0, 0.25 + 2 * 6.0), g.x());
    }
}

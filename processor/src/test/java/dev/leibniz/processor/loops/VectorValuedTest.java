package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorValued}: each pullback against central differences of seedᵀ·f, softmax against
 * its closed-form Jacobian, and the value against the plain method.
 */
class VectorValuedTest {

    /** seedᵀ f(point), the scalar whose gradient a pullback with this seed computes. */
    private static double dot(double[] seed, double[] value) {
        double s = 0;
        for (int i = 0; i < seed.length; i++) {
            s += seed[i] * value[i];
        }
        return s;
    }

    @Test
    void affineLayer() {
        double[][] w = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8));
        double[] b = vector(0.1, -0.2, 0.05);
        double[] x = vector(1.0, 0.5);
        double[] seed = vector(0.7, -1.1, 0.4);
        var g = new VectorValuedGrad.AffineTanhGradient();
        double[] value = VectorValuedGrad.affineTanhPullback(w, b, x, seed, g);
        assertArrayEquals(VectorValued.affineTanh(w, b, x), value, 0.0);
        assertArrayEquals(value, g.value(), 0.0);
        assertCentral("seed . tanh(Wx + b)", p -> { var r = new Packing.Reader(p);
                    return dot(seed, VectorValued.affineTanh(r.matrix(w), r.vector(b), r.vector(x))); },
                Packing.flat(w, b, x), Packing.flat(g.w(), g.b(), g.x()));
    }

    @Test
    void softmaxRowsOfItsJacobian() {
        double[] z = vector(1.0, 2.0, -0.5);
        double[] s = VectorValued.softmax(z);
        for (int i = 0; i < z.length; i++) {
            double[] seed = new double[z.length];
            seed[i] = 1;
            var g = new VectorValuedGrad.SoftmaxGradient();
            VectorValuedGrad.softmaxPullback(z, seed, g);
            double[] row = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                row[j] = s[i] * ((i == j ? 1 : 0) - s[j]); // ∂s_i/∂z_j
            }
            assertClose("row " + i + " of the softmax Jacobian", row, g.z());
        }
    }

    @Test
    void branchesReturningDifferentArrays() {
        var g = new VectorValuedGrad.PickGradient();
        VectorValuedGrad.pickPullback(vector(1, 2), vector(3, 4), false, vector(5, 6), g);
        assertExactly("not picked", vector(0, 0), g.a());
        assertExactly("picked: the seed", vector(5, 6), g.b());
    }

    @Test
    void callsToALayerMethod() {
        double[][] w1 = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8));
        double[] b1 = vector(0.1, -0.2, 0.05);
        double[][] w2 = matrix(vector(0.7, -1.1, 0.4), vector(0.3, 0.2, -0.5));
        double[] b2 = vector(0.0, 0.1);
        double[] x = vector(1.0, 0.5);
        var g = VectorValuedGrad.twoLayers(w1, b1, w2, b2, x);
        assertCentral("two layers", p -> { var r = new Packing.Reader(p);
                    return VectorValued.twoLayers(r.matrix(w1), r.vector(b1), r.matrix(w2), r.vector(b2), r.vector(x)); },
                Packing.flat(w1, b1, w2, b2, x), Packing.flat(g.w1(), g.b1(), g.w2(), g.b2(), g.x()));
        for (boolean use : new boolean[] {true, false}) {
            var h = VectorValuedGrad.layerInABranch(w1, b1, x, use);
            assertCentral("layer in a branch, taken " + use, p -> { var r = new Packing.Reader(p);
                        return VectorValued.layerInABranch(r.matrix(w1), r.vector(b1), r.vector(x), use); },
                    Packing.flat(w1, b1, x), Packing.flat(h.w(), h.b(), h.x()));
        }
    }

    @Test
    void layersCalledPerSampleInALoop() {
        double[][] w1 = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8));
        double[] b1 = vector(0.1, -0.2, 0.05);
        double[][] w2 = matrix(vector(0.7, -1.1, 0.4), vector(0.3, 0.2, -0.5));
        double[] b2 = vector(0.0, 0.1);
        double[][] xs = matrix(vector(1.0, 0.5), vector(-0.3, 0.8), vector(0.2, 0.1));
        var g = VectorValuedGrad.perSample(w1, b1, w2, b2, xs);
        assertCentral("per-sample layers", p -> { var r = new Packing.Reader(p);
                    return VectorValued.perSample(r.matrix(w1), r.vector(b1), r.matrix(w2), r.vector(b2), r.matrix(xs)); },
                Packing.flat(w1, b1, w2, b2, xs), Packing.flat(g.w1(), g.b1(), g.w2(), g.b2(), g.xs()));
    }

    @Test
    void anArrayALayerMadeIsTheCallersToWrite() {
        double[][] w = {{0.2, -0.4}, {0.5, 0.1}};
        double[] b = {0.1, -0.2};
        double[] x = {0.7, -1.1};
        var g = VectorValuedGrad.writtenAfterALayer(w, b, x);
        dev.leibniz.processor.testing.GradientChecks.assertCentral("written after a layer",
                p -> { var r = new dev.leibniz.processor.testing.Packing.Reader(p);
                    return VectorValued.writtenAfterALayer(r.matrix(w), r.vector(b), r.vector(x)); },
                dev.leibniz.processor.testing.Packing.flat(w, b, x),
                dev.leibniz.processor.testing.Packing.flat(g.w(), g.b(), g.x()));
    }

    @Test
    void returningANewArrayOrACall() {
        double r = 2;
        double t = 0.5;
        // ∂(r cos t, r sin t)/∂(r, t), whose determinant is r
        double[][] polar = {{Math.cos(t), -r * Math.sin(t)}, {Math.sin(t), r * Math.cos(t)}};
        double[][] j = VectorValuedGrad.polarJacobian(r, t);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(polar[i], j[i], 1e-15, "row " + i);
        }
        org.junit.jupiter.api.Assertions.assertEquals(r, j[0][0] * j[1][1] - j[0][1] * j[1][0], 1e-15, "det");
        // r > 0: polar(r + 1, t), whose Jacobian in (r, t) is polar's at r + 1
        double[][] called = VectorValuedGrad.polarOrSquaresJacobian(r, t);
        double[][] atR1 = {{Math.cos(t), -(r + 1) * Math.sin(t)}, {Math.sin(t), (r + 1) * Math.cos(t)}};
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(atR1[i], called[i], 1e-14, "called, row " + i);
        }
        // r <= 0: (r + 1, t², 0)
        double[][] made = VectorValuedGrad.polarOrSquaresJacobian(-r, t);
        double[][] squares = {{1, 0}, {0, 2 * t}, {0, 0}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(squares[i], made[i], 0.0, "made, row " + i);
        }
        assertArrayEquals(VectorValued.polarOrSquares(-r, t), VectorValuedGrad.polarOrSquaresValue(-r, t,
                new VectorValuedGrad.PolarOrSquaresGradient()), 0.0);
    }
}

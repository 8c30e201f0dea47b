package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertFloatClose;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatParameters}: a {@code float} parameter has a {@code float} accessor, a
 * {@code float[]} one a {@code float[]} accessor of the same length; compared with closed forms
 * in double within {@link LoopChecks#FLOAT_TOLERANCE} (float rounding of the products).
 */
class FloatParametersTest {

    @Test
    void floatArrayAndFloatScalar() {
        float[] v = {0.75f, -1.5f, 2.25f, 0.1f};
        float scale = 1.3f;
        var g = FloatParametersGrad.scaledSquares(v, scale);
        assertExactly(FloatParameters.scaledSquares(v, scale), g.value(), "float: value()");
        float[] gv = g.v();
        float gs = g.scale();
        double[] expectedV = new double[v.length];
        double sumOfSquares = 0.0;
        for (int i = 0; i < v.length; i++) {
            expectedV[i] = 2.0 * scale * v[i];
            sumOfSquares += (double) v[i] * v[i];
        }
        assertFloatClose("float[]: d/dv", expectedV, gv);
        assertFloatClose("float: d/dscale", vector(sumOfSquares), new float[] {gs});
    }

    /** Dyadic float values: every product is exact in float, so the gradient is exact too. */
    @Test
    void exactFloatValues() {
        float[] v = {0.5f, -2.0f, 1.25f};
        var g = FloatParametersGrad.scaledSquares(v, 4.0f);
        float[] gv = g.v();
        assertExactly("float[] exact", vector(4.0, -16.0, 10.0),
                vector(gv[0], gv[1], gv[2]));
        assertExactly(0.25 + 4.0 + 1.5625, g.scale(), "float exact: d/dscale");
    }

    /** d/dv[i] = 1 + exp(x[i]), d/dx[i] = v[i] exp(x[i]). */
    @Test
    void floatWeightsAgainstDoubleInputs() {
        float[] v = {0.3f, -1.2f, 2.5f};
        double[] x = vector(0.4, -0.9, 1.1);
        var g = FloatParametersGrad.mixedPrecision(v, x);
        assertExactly(FloatParameters.mixedPrecision(v, x), g.value(), "mixed: value()");
        float[] gv = g.v();
        double[] gx = g.x();
        double[] expectedV = new double[v.length];
        double[] expectedX = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            expectedV[i] = 1.0 + Math.exp(x[i]);
            // v[i] widened exactly: this part is all double.
            expectedX[i] = v[i] * Math.exp(x[i]);
        }
        assertFloatClose("mixed: d/dv", expectedV, gv);
        assertComponentwise("mixed: d/dx", expectedX, gx);
    }

    @Test
    void emptyFloatArray() {
        var g = FloatParametersGrad.scaledSquares(new float[0], 2.0f);
        assertExactly(0.0, g.value(), "empty float[]: value()");
        assertEquals(0, g.v().length, "empty float[]: length");
        assertExactly(0.0, g.scale(), "empty float[]: d/dscale");
    }

    /**
     * Forward mode and second order on float parameters: the tangent's arguments are floats like the
     * parameters; the tangent of scale·Σv² along (dv, dscale) is Σ 2 scale v dv + dscale Σ v², the
     * Hessian is [[2 scale I, 2v], [2vᵀ, 0]].
     */
    @Test
    void tangentAndHessianOfFloatParameters() {
        float[] v = {0.75f, -1.5f, 2.25f};
        float scale = 1.3f;
        float[] dv = {0.5f, -0.25f, 1.0f};
        float dScale = -2.0f;
        double expected = 0.0;
        double sumOfSquares = 0.0;
        for (int i = 0; i < v.length; i++) {
            expected += 2.0 * scale * v[i] * dv[i];
            sumOfSquares += (double) v[i] * v[i];
        }
        expected += dScale * sumOfSquares;
        double tangent = FloatParametersGrad.scaledSquaresTangent(v, scale, dv, dScale);
        assertFloatClose("float: tangent", vector(expected), new float[] {(float) tangent});

        double[][] h = FloatParametersGrad.scaledSquaresHessian(v, scale);
        int n = v.length + 1;
        double[] flat = new double[n * n];
        double[] closed = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                flat[i * n + j] = h[i][j];
                if (i < v.length && j < v.length) {
                    closed[i * n + j] = i == j ? 2.0 * scale : 0.0;
                } else if (i < v.length) {
                    closed[i * n + j] = 2.0 * v[i];
                } else if (j < v.length) {
                    closed[i * n + j] = 2.0 * v[j];
                }
            }
        }
        assertComponentwise("float: Hessian", closed, flat);
        assertExactly(2.0 * scale * v.length, FloatParametersGrad.scaledSquaresLaplacian(v, scale), "float: Laplacian");
    }

    /** Mixed float and double: ∂²/∂v∂x = exp(x) between v[k] and x[k], ∂²/∂x² = v exp(x), ∂²/∂v² = 0. */
    @Test
    void hessianAcrossFloatAndDoubleParameters() {
        float[] v = {0.3f, -1.2f};
        double[] x = vector(0.4, -0.9);
        double[][] h = FloatParametersGrad.mixedPrecisionHessian(v, x);
        double[] flat = new double[16];
        double[] closed = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                flat[i * 4 + j] = h[i][j];
            }
        }
        for (int k = 0; k < 2; k++) {
            closed[k * 4 + (2 + k)] = Math.exp(x[k]);
            closed[(2 + k) * 4 + k] = Math.exp(x[k]);
            closed[(2 + k) * 4 + (2 + k)] = v[k] * Math.exp(x[k]);
        }
        // Rows along x hold the tangent program's float[] gradient with respect to v: float precision there.
        double error = GradientChecks.relativeError(flat, closed);
        org.junit.jupiter.api.Assertions.assertTrue(error < 1e-6, "mixed: Hessian " + java.util.Arrays.toString(flat)
                + " vs " + java.util.Arrays.toString(closed) + ", relative error " + error);
    }
}

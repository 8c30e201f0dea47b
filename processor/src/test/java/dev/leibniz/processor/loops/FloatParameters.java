package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** float and float[] parameters, differentiated like double ones. */
final class FloatParameters {

    private FloatParameters() {}

    /** scale * sum of v[i]^2: d/dv = 2 scale v, d/dscale = sum of v^2. */
    @Differentiable
    static double scaledSquares(float[] v, float scale) {
        double s = 0.0;
        for (int i = 0; i < v.length; i++) {
            s += scale * v[i] * v[i];
        }
        return s;
    }

    /** float weights against double inputs: sum of v[i] exp(x[i]). */
    @Differentiable
    static double mixedPrecision(float[] v, double[] x) {
        double s = 0.0;
        for (float f : v) {
            s += f;
        }
        for (int i = 0; i < v.length; i++) {
            s += v[i] * Math.exp(x[i]);
        }
        return s;
    }
}

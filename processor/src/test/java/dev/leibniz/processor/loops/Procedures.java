package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** void methods whose outputs are the array parameters they write (the contract's procedures). */
final class Procedures {
    private Procedures() {}

    @Differentiable
    static void affine(double[][] w, double[] b, double[] x, double[] out) {
        for (int j = 0; j < b.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out[j] = z;
        }
    }

    /** Read and written: its gradient is with respect to its values on entry. */
    @Differentiable
    static void updateInPlace(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * a + v[i] * v[i];
        }
    }

    /** Two outputs, seeded separately. */
    @Differentiable
    static void sumAndProduct(double[] x, double[] sum, double[] product) {
        sum[0] = 0;
        product[0] = 1;
        for (double v : x) {
            sum[0] += v;
            product[0] *= v;
        }
    }
}

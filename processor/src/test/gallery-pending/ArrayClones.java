package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** x.clone() of a parameter, then updated. */
final class ArrayClones {

    private ArrayClones() {}

    /** A clone scaled in place, then its squared norm: d/dx = 2 a^2 x, d/da = 2 a |x|^2. */
    @Differentiable
    static double cloneThenScale(double[] x, double a) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= a;
        }
        double s = 0.0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }
}

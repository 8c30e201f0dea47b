package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Products carried from one iteration to the next. */
final class Products {

    private Products() {}

    /** The product of all elements, by p *= x[i]: d/dx[k] is the product of the others. */
    @Differentiable
    static double product(double[] x) {
        double p = 1.0;
        for (int i = 0; i < x.length; i++) {
            p *= x[i];
        }
        return p;
    }

    /**
     * Compound growth: principal times the product of (1 + r[i]). d/dprincipal is the product,
     * d/dr[k] is the principal times the product of the other factors.
     */
    @Differentiable
    static double compound(double principal, double[] r) {
        double v = principal;
        for (int i = 0; i < r.length; i++) {
            v = v * (1.0 + r[i]);
        }
        return v;
    }
}

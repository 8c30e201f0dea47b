package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;
import java.util.Arrays;

/** Arrays.copyOfRange of a parameter: a window of it. */
final class ArrayCopyOfRanges {

    private ArrayCopyOfRanges() {}

    /** Product of the exponentials of the window x[1..3). */
    @Differentiable
    static double windowProduct(double[] x) {
        double[] w = Arrays.copyOfRange(x, 1, 3);
        double p = 1.0;
        for (double v : w) {
            p *= Math.exp(0.5 * v) + v;
        }
        return p;
    }
}

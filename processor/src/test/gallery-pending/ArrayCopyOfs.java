package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;
import java.util.Arrays;

/** Arrays.copyOf of a parameter, padded with a zero. */
final class ArrayCopyOfs {

    private ArrayCopyOfs() {}

    /** Sum of squares of a padded copy, weighted by position. */
    @Differentiable
    static double copyOfWeighted(double[] x) {
        double[] y = Arrays.copyOf(x, x.length + 1);
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            s += (i + 1) * y[i] * y[i];
        }
        return s;
    }
}

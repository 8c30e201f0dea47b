package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;
import java.util.Arrays;

/** Arrays.sort on a copy of a differentiated array: must be a compile error, never a wrong gradient. */
final class ArraySorts {

    private ArraySorts() {}

    /** The median of three by sorting a copy. */
    @Differentiable
    static double medianBySort(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        Arrays.sort(y);
        return y[y.length / 2] * y[0];
    }
}

package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;
import java.util.Arrays;

/**
 * Library calls that copy and fill arrays, which the derivative now follows element by element:
 * the README tells users to copy a parameter array into a local one, and these are how people
 * do it.
 */
final class ArrayCopies {
    private ArrayCopies() {}

    @Differentiable
    static double arraycopyThenSquares(double[] x) {
        double[] y = new double[x.length];
        System.arraycopy(x, 0, y, 0, x.length);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i];
        }
        return s;
    }

    /** Fill, then overwrite the middle with part of x: the overwritten fill values give up their adjoint. */
    @Differentiable
    static double fillThenCopyInto(double[] x, double a) {
        double[] y = new double[5];
        Arrays.fill(y, a);
        System.arraycopy(x, 1, y, 2, 2);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * y[i] * (i + 1);
        }
        return s;
    }

    @Differentiable
    static double fillRange(double a, double b) {
        double[] y = {b, b, b, b};
        Arrays.fill(y, 1, 3, a);
        return y[0] * y[1] + y[2] * y[3] * y[2];
    }

    @Differentiable
    static double copies(double[] x) {
        double[] y = x.clone();
        double[] z = Arrays.copyOf(x, 5);
        double[] w = Arrays.copyOfRange(x, 1, 4);
        y[0] *= 3;
        z[4] = z[1] * z[2];
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += y[i] * z[i + 2] + w[i] * w[i];
        }
        return s;
    }

    @Differentiable
    static double floatCopy(float[] x) {
        float[] y = Arrays.copyOf(x, x.length);
        double s = 0;
        for (float v : y) {
            s += v * v * v;
        }
        return s;
    }

    @Differentiable
    static double partOf(double[] x, int from) {
        double[] w = Arrays.copyOfRange(x, from, from + 2);
        return w[0] * w[1];
    }

    /** Copies within one array, both ways: as if through a temporary, like System.arraycopy. */
    @Differentiable
    static double shiftsInPlace(double[] x) {
        double[] y = x.clone();
        System.arraycopy(y, 0, y, 1, 3);
        double up = y[1] * y[2] + y[3] * y[3];
        System.arraycopy(y, 2, y, 0, 2);
        return up + y[0] * 3 + y[1] * y[1];
    }
}

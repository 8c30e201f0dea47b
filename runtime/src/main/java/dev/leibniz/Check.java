package dev.leibniz;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Compares a gradient, Jacobian or Hessian with central differences, for users' own tests (of
 * a {@code @DerivativeOf} rule, say). Inputs are flattened like the generated second-order API:
 * the differentiated parameters in declaration order, a {@code double[]} as its elements.
 *
 * <p>The measure is MML's relative error {@code ‖a − b‖ / ‖a + b‖} (0 when both are zero); a
 * correct derivative typically gives below 1e-6, a wrong one above 1e-2.
 */
public final class Check {
    private Check() {}

    /**
     * The outcome of a comparison.
     *
     * @param relativeError {@code ‖a − b‖ / ‖a + b‖} over all entries
     * @param worst the flattened index (row-major for a matrix) of the entry that differs most
     * @param actual that entry of the derivative checked
     * @param reference that entry of the central differences
     */
    public record Report(double relativeError, int worst, double actual, double reference) {
        /**
         * Whether the relative error is below a tolerance.
         *
         * @param tolerance for example 1e-6
         * @return true when the derivative agrees with the central differences
         */
        public boolean passes(double tolerance) {
            return relativeError < tolerance;
        }

        @Override
        public String toString() {
            return String.format("relative error %.3g; worst entry %d: %.17g vs central differences %.17g",
                    relativeError, worst, actual, reference);
        }
    }

    /**
     * Checks a gradient of f at x.
     *
     * @param f the function, over the flattened inputs
     * @param x the point
     * @param gradient the gradient to check
     * @return the comparison with central differences
     */
    public static Report gradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
        double[] fd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = step(x[i]);
            fd[i] = (f.applyAsDouble(shifted(x, i, h)) - f.applyAsDouble(shifted(x, i, -h))) / (2 * h);
        }
        return compare(gradient, fd);
    }

    /**
     * Checks a Jacobian (numerator layout: one row per output) of f at x.
     *
     * @param f the vector-valued function, over the flattened inputs
     * @param x the point
     * @param jacobian the Jacobian to check, {@code J[i][j] = ∂f_i/∂x_j}
     * @return the comparison with central differences
     */
    public static Report jacobian(Function<double[], double[]> f, double[] x, double[][] jacobian) {
        int m = f.apply(x).length;
        double[][] fd = new double[m][x.length];
        for (int j = 0; j < x.length; j++) {
            double h = step(x[j]);
            double[] plus = f.apply(shifted(x, j, h));
            double[] minus = f.apply(shifted(x, j, -h));
            for (int i = 0; i < m; i++) {
                fd[i][j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        return compare(flatten(jacobian, m, x.length), flatten(fd, m, x.length));
    }

    /**
     * Checks a Hessian against central differences of a gradient, which may itself be generated.
     *
     * @param gradient the gradient of the function, over the flattened inputs
     * @param x the point
     * @param hessian the Hessian to check
     * @return the comparison with central differences of the gradient
     */
    public static Report hessian(Function<double[], double[]> gradient, double[] x, double[][] hessian) {
        return jacobian(gradient, x, hessian);
    }

    private static double step(double x) {
        return 1e-6 * Math.max(1.0, Math.abs(x));
    }

    private static double[] shifted(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }

    private static double[] flatten(double[][] a, int rows, int columns) {
        if (a.length != rows) {
            throw new IllegalArgumentException("the matrix has " + a.length + " rows, the function " + rows + " outputs");
        }
        double[] flat = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            if (a[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + a[i].length + " entries for " + columns + " inputs");
            }
            System.arraycopy(a[i], 0, flat, i * columns, columns);
        }
        return flat;
    }

    private static Report compare(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("the derivative has " + a.length + " entries, the reference " + b.length);
        }
        double diff = 0;
        double sum = 0;
        int worst = 0;
        double worstDiff = -1;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            diff += d * d;
            sum += (a[i] + b[i]) * (a[i] + b[i]);
            if (d > worstDiff || Double.isNaN(d)) {
                worstDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        double error = diff == 0 ? 0 : Math.sqrt(diff) / Math.sqrt(sum);
        return new Report(a.length == 0 ? 0 : error, worst, a.length == 0 ? 0 : a[worst], a.length == 0 ? 0 : b[worst]);
    }
}

package dev.leibniz.benchmarks;

/**
 * ADBench's measure of agreement between two derivatives (its docs/JacobianCheck.md):
 * {@code |x − y| / max(1, |x| + |y|)} per component, the largest over all components.
 */
final class Agreement {
    private Agreement() {}

    /** The tolerance ADBench checks its tools with. */
    static final double TOLERANCE = 1e-8;

    static double error(double[] x, double[] y) {
        if (x.length != y.length) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Math.abs(x[i] - y[i]) / Math.max(1.0, Math.abs(x[i]) + Math.abs(y[i]));
            if (!(e <= worst)) {
                worst = e; // a NaN sticks
            }
        }
        return worst;
    }

    /** Throws unless actual agrees with expected to {@link #TOLERANCE}. */
    static void require(String what, double[] expected, double[] actual) {
        double e = error(expected, actual);
        if (!(e < TOLERANCE)) {
            throw new IllegalStateException(what + ": disagrees with the hand-written adjoint, "
                    + "ADBench error " + e);
        }
    }

    /** The parts, concatenated. */
    static double[] flat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** The rows of the matrices and the vectors, in order. */
    static double[] flat(Object... parts) {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (Object p : parts) {
            if (p instanceof double[][] m) {
                rows.addAll(java.util.Arrays.asList(m));
            } else {
                rows.add((double[]) p);
            }
        }
        return flat(rows.toArray(new double[0][]));
    }
}

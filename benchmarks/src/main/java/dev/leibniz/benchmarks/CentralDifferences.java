package dev.leibniz.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Central differences, the peer that needs no derivative code at all: 2N evaluations of the
 * objective, with step 1e-6 max(1, |x_i|). The objective reads the arrays {@code parts}, which
 * are perturbed in place, one element at a time, and restored.
 */
final class CentralDifferences {
    private CentralDifferences() {}

    /** The central-difference gradient over the elements of parts, in order, into g. */
    static void gradient(DoubleSupplier f, double[] g, double[]... parts) {
        int k = 0;
        for (double[] part : parts) {
            for (int i = 0; i < part.length; i++) {
                double xi = part[i];
                double h = 1e-6 * Math.max(1.0, Math.abs(xi));
                part[i] = xi + h;
                double plus = f.getAsDouble();
                double up = part[i];
                part[i] = xi - h;
                double minus = f.getAsDouble();
                double down = part[i];
                part[i] = xi;
                g[k++] = (plus - minus) / (up - down);
            }
        }
    }
}

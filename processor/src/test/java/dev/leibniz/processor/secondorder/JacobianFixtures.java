package dev.leibniz.processor.secondorder;

import dev.leibniz.Differentiable;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/** double[]-valued methods whose Jacobians JacobianHipparchusTest checks. */
final class JacobianFixtures {
    private JacobianFixtures() {}

    /** tanh(Ax + b), differentiated with respect to A, x and b. */
    @Differentiable
    static double[] layer(double[][] A, double[] x, double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double z = b[i];
            for (int k = 0; k < x.length; k++) {
                z += A[i][k] * x[k];
            }
            y[i] = Math.tanh(z);
        }
        return y;
    }

    /** Eight points of a spiral through a recurrence: 2 inputs, 8 outputs. */
    @Differentiable
    static double[] spiral(double[] p) {
        double[] out = new double[8];
        double r = p[0];
        double angle = p[1];
        for (int k = 0; k < 4; k++) {
            out[2 * k] = r * Math.cos(angle);
            out[2 * k + 1] = r * Math.sin(angle);
            r = r * 1.1 + Math.exp(-angle * angle);
            angle = angle + 0.5 * Math.atan(r);
        }
        return out;
    }

    /** The same spiral over derivative structures, written independently, for the reference. */
    static DerivativeStructure[] spiral(DerivativeStructure[] p) {
        DerivativeStructure[] out = new DerivativeStructure[8];
        DerivativeStructure r = p[0];
        DerivativeStructure angle = p[1];
        for (int k = 0; k < 4; k++) {
            out[2 * k] = r.multiply(angle.cos());
            out[2 * k + 1] = r.multiply(angle.sin());
            r = r.multiply(1.1).add(angle.multiply(angle).negate().exp());
            angle = angle.add(r.atan().multiply(0.5));
        }
        return out;
    }
}

package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.MlpBackprop;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/**
 * {@link Mlp}: every gradient (x, W1, b1, W2, b2 and the target t) against hand-written
 * backpropagation, and all of them together against central differences.
 */
class MlpTest {

    /** 3 inputs, 4 hidden units, 2 outputs. */
    private static final double[] X = vector(0.5, -1.2, 2.0);
    private static final double[][] W1 = matrix(
            vector(0.1, -0.4, 0.25),
            vector(-0.3, 0.8, 0.05),
            vector(0.6, 0.2, -0.35),
            vector(-0.15, -0.5, 0.45));
    private static final double[] B1 = vector(0.05, -0.1, 0.2, 0.0);
    private static final double[][] W2 = matrix(
            vector(0.7, -0.6, 0.3, 0.9),
            vector(-0.25, 0.4, -0.8, 0.15));
    private static final double[] B2 = vector(-0.2, 0.1);
    private static final double[] T = vector(1.0, 0.0);

    private static void check(String what, double[] x, double[][] w1, double[] b1,
            double[][] w2, double[] b2, double[] t) {
        var g = MlpGrad.squaredError(x, w1, b1, w2, b2, t);
        assertExactly(Mlp.squaredError(x, w1, b1, w2, b2, t), g.value(), what + ": value()");
        MlpBackprop.Gradient r = MlpBackprop.of(x, w1, b1, w2, b2, t);
        assertClose(what + ": d/dx vs backprop", r.x(), g.x());
        assertClose(what + ": d/dW1 vs backprop", r.w1(), g.w1());
        assertClose(what + ": d/db1 vs backprop", r.b1(), g.b1());
        assertClose(what + ": d/dW2 vs backprop", r.w2(), g.w2());
        assertClose(what + ": d/db2 vs backprop", r.b2(), g.b2());
        assertClose(what + ": d/dt vs backprop", r.t(), g.t());
        assertCentral(what, p -> {
            var in = new Packing.Reader(p);
            return Mlp.squaredError(in.vector(x), in.matrix(w1), in.vector(b1), in.matrix(w2),
                    in.vector(b2), in.vector(t));
        }, Packing.flat(x, w1, b1, w2, b2, t),
                Packing.flat(r.x(), r.w1(), r.b1(), r.w2(), r.b2(), r.t()),
                Packing.flat(g.x(), g.w1(), g.b1(), g.w2(), g.b2(), g.t()));
    }

    @Test
    void threeFourTwoNetwork() {
        check("MLP 3-4-2", X, W1, B1, W2, B2, T);
    }

    @Test
    void threeFourTwoNetworkWithOtherInputAndTarget() {
        check("MLP 3-4-2, second sample", vector(-0.8, 0.3, 1.1), W1, B1, W2, B2,
                vector(0.25, 0.9));
    }

    /** A single hidden unit and a single output: the chain rule with nothing to sum. */
    @Test
    void oneOneOneNetwork() {
        check("MLP 1-1-1", vector(0.7), matrix(vector(-1.3)), vector(0.4), matrix(vector(2.1)),
                vector(-0.5), vector(0.3));
    }

    /** Wider: 5 inputs, 6 hidden units, 3 outputs. */
    @Test
    void fiveSixThreeNetwork() {
        double[] x = new double[5];
        double[][] w1 = new double[6][5];
        double[] b1 = new double[6];
        double[][] w2 = new double[3][6];
        double[] b2 = new double[3];
        for (int i = 0; i < 5; i++) {
            x[i] = Math.sin(1.7 * i + 0.3);
        }
        for (int j = 0; j < 6; j++) {
            b1[j] = 0.1 * Math.cos(j);
            for (int i = 0; i < 5; i++) {
                w1[j][i] = 0.8 * Math.sin(0.9 * j - 1.3 * i + 0.2);
            }
        }
        for (int k = 0; k < 3; k++) {
            b2[k] = -0.2 + 0.15 * k;
            for (int j = 0; j < 6; j++) {
                w2[k][j] = 0.9 * Math.cos(1.1 * k + 0.7 * j);
            }
        }
        check("MLP 5-6-3", x, w1, b1, w2, b2, vector(0.0, 1.0, 0.5));
    }
}

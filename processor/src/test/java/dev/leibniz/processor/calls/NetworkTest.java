package dev.leibniz.processor.calls;

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
 * {@link Network}, a loss made of calls to {@link Layers}: every gradient against hand-written
 * backpropagation, and all of them together against central differences.
 */
class NetworkTest {

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

    private static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }


    private static void check(String what, double[] x, double[][] w1, double[] b1,
            double[][] w2, double[] b2, double[] t) {
        var g = NetworkGrad.loss(x, w1, b1, w2, b2, t);
        assertExactly(Network.loss(x, w1, b1, w2, b2, t), g.value(), what + ": value()");
        MlpBackprop.Gradient r = MlpBackprop.of(x, w1, b1, w2, b2, t);
        assertClose(what + ": d/dx vs backprop", r.x(), g.x());
        assertClose(what + ": d/dW1 vs backprop", r.w1(), g.w1());
        assertClose(what + ": d/db1 vs backprop", r.b1(), g.b1());
        assertClose(what + ": d/dW2 vs backprop", r.w2(), g.w2());
        assertClose(what + ": d/db2 vs backprop", r.b2(), g.b2());
        assertClose(what + ": d/dt vs backprop", r.t(), g.t());
        assertCentral(what, p -> {
            var in = new Packing.Reader(p);
            return Network.loss(in.vector(x), in.matrix(w1), in.vector(b1), in.matrix(w2),
                    in.vector(b2), in.vector(t));
        }, Packing.flat(x, w1, b1, w2, b2, t),
                Packing.flat(r.x(), r.w1(), r.b1(), r.w2(), r.b2(), r.t()),
                Packing.flat(g.x(), g.w1(), g.b1(), g.w2(), g.b2(), g.t()));
    }

    @Test
    void threeFourTwoNetwork() {
        check("loss 3-4-2", X, W1, B1, W2, B2, T);
    }

    @Test
    void threeFourTwoNetworkWithOtherInputAndTarget() {
        check("loss 3-4-2, second sample", vector(-0.8, 0.3, 1.1), W1, B1, W2, B2,
                vector(0.25, 0.9));
    }

    @Test
    void oneOneOneNetwork() {
        check("loss 1-1-1", vector(0.7), matrix(vector(-1.3)), vector(0.4),
                matrix(vector(2.1)), vector(-0.5), vector(0.3));
    }

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
        check("loss 5-6-3", x, w1, b1, w2, b2, vector(0.0, 1.0, 0.5));
    }

    /** Two samples through {@link Network#meanLoss}: the backprop of each, averaged. */
    @Test
    void meanLossOverTwoSamples() {
        double[] x1 = X;
        double[] t1 = T;
        double[] x2 = vector(-0.8, 0.3, 1.1);
        double[] t2 = vector(0.25, 0.9);
        var g = NetworkGrad.meanLoss(x1, t1, x2, t2, W1, B1, W2, B2);
        assertExactly(Network.meanLoss(x1, t1, x2, t2, W1, B1, W2, B2), g.value(),
                "meanLoss value()");
        MlpBackprop.Gradient r1 = MlpBackprop.of(x1, W1, B1, W2, B2, t1);
        MlpBackprop.Gradient r2 = MlpBackprop.of(x2, W1, B1, W2, B2, t2);
        double[] rx1 = half(r1.x());
        double[] rt1 = half(r1.t());
        double[] rx2 = half(r2.x());
        double[] rt2 = half(r2.t());
        double[][] rw1 = mean(r1.w1(), r2.w1());
        double[] rb1 = mean(r1.b1(), r2.b1());
        double[][] rw2 = mean(r1.w2(), r2.w2());
        double[] rb2 = mean(r1.b2(), r2.b2());
        assertClose("meanLoss d/dx1", rx1, g.x1());
        assertClose("meanLoss d/dt1", rt1, g.t1());
        assertClose("meanLoss d/dx2", rx2, g.x2());
        assertClose("meanLoss d/dt2", rt2, g.t2());
        assertClose("meanLoss d/dW1", rw1, g.w1());
        assertClose("meanLoss d/db1", rb1, g.b1());
        assertClose("meanLoss d/dW2", rw2, g.w2());
        assertClose("meanLoss d/db2", rb2, g.b2());
        assertCentral("meanLoss", p -> {
            var in = new Packing.Reader(p);
            return Network.meanLoss(in.vector(x1), in.vector(t1), in.vector(x2), in.vector(t2),
                    in.matrix(W1), in.vector(B1), in.matrix(W2), in.vector(B2));
        }, Packing.flat(x1, t1, x2, t2, W1, B1, W2, B2),
                Packing.flat(rx1, rt1, rx2, rt2, rw1, rb1, rw2, rb2),
                Packing.flat(g.x1(), g.t1(), g.x2(), g.t2(), g.w1(), g.b1(), g.w2(), g.b2()));
    }

    /** The building blocks on their own, against their closed forms. */
    @Test
    void layersAlone() {
        var d = LayersGrad.dense(W1, B1, X, 2);
        assertExactly(Layers.dense(W1, B1, X, 2), d.value(), "dense value()");
        double[][] dw = new double[4][3];
        dw[2] = X.clone();
        assertClose("dense d/dW (only row j)", dw, d.w());
        assertClose("dense d/db (only b[j])", vector(0, 0, 1, 0), d.b());
        assertClose("dense d/dx (row j of W)", W1[2], d.x());

        double z = -0.7;
        var s = LayersGrad.sigmoid(z);
        assertClose("sigmoid'", sigmoid(z) * (1 - sigmoid(z)), s.z());

        var e = LayersGrad.squaredError(0.8, 0.3);
        assertClose("squaredError d/do", 2 * (0.8 - 0.3), e.o());
        assertClose("squaredError d/dt", -2 * (0.8 - 0.3), e.t());
    }

    private static double[] half(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 0.5 * v[i];
        }
        return out;
    }

    private static double[] mean(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = 0.5 * (a[i] + b[i]);
        }
        return out;
    }

    private static double[][] mean(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = mean(a[i], b[i]);
        }
        return out;
    }
}

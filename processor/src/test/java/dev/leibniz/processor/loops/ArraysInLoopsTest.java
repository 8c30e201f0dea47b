package dev.leibniz.processor.loops;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import dev.leibniz.processor.testing.Packing;
import org.junit.jupiter.api.Test;

/** {@link ArraysInLoops} against central differences, and the MLP against hand-written backprop too. */
class ArraysInLoopsTest {
    static final double[][] W1 = matrix(vector(0.2, -0.4), vector(0.5, 0.1), vector(-0.3, 0.8));
    static final double[] B1 = vector(0.1, -0.2, 0.05);
    static final double[] W2 = vector(0.7, -1.1, 0.4);
    static final double[][] XS = matrix(vector(1.0, 0.5), vector(-0.3, 0.8));
    static final double[] YS = vector(0.3, -0.2);

    @Test
    void aHiddenLayerArrayPerSample() {
        var g = ArraysInLoopsGrad.perSampleHidden(W1, B1, W2, XS, YS);
        assertCentral("per-sample hidden layer", p -> { var r = new Packing.Reader(p);
                    return ArraysInLoops.perSampleHidden(r.matrix(W1), r.vector(B1), r.vector(W2), r.matrix(XS),
                            r.vector(YS)); },
                Packing.flat(W1, B1, W2, XS, YS), Packing.flat(g.w1(), g.b1(), g.w2(), g.xs(), g.ys()));
    }

    @Test
    void arraysTwoLoopsDeep() {
        double[] x = vector(0.5, -1.2, 2.0);
        assertCentral("nested", ArraysInLoops::nested, x, ArraysInLoopsGrad.nested(x).x());
    }

    @Test
    void copiesMadeInALoop() {
        double[] x = vector(0.5, -1.2, 2.0);
        assertCentral("clone per iteration", ArraysInLoops::copiesInALoop, x, ArraysInLoopsGrad.copiesInALoop(x).x());
    }

    @Test
    void aBufferMadePerIterationAndHandedToACall() {
        double[] means = vector(0.3, -1.0, 2.0);
        double[] data = vector(0.1, 1.5, -0.7, 2.2);
        var g = ArraysInLoopsGrad.mixtureLogLikelihood(means, data);
        assertCentral("mixture", p -> ArraysInLoops.mixtureLogLikelihood(vector(p[0], p[1], p[2]),
                vector(p[3], p[4], p[5], p[6])), Packing.flat(means, data), Packing.flat(g.means(), g.data()));
    }

    @Test
    void anArrayWhoseSizeTheLoopChanges() {
        double[] x = vector(0.3, -0.5, 1.1);
        assertCentral("growing", ArraysInLoops::growing, x, ArraysInLoopsGrad.growing(x).x());
    }

    @Test
    void aCloneOfAnArrayMadeInTheSameIteration() {
        double[] x = vector(0.3, -0.5, 1.1);
        assertCentral("clone in a loop", p -> ArraysInLoops.cloneInLoop(p, 3), x, ArraysInLoopsGrad.cloneInLoop(x, 3).x());
    }
}
